// The meeting side panel and stage view. In Teams it reads the chat from the Teams context and
// calls the API with the member's SSO token; opened outside Teams it is a preview of the chat
// named in ?conversation=. Cards are the chat's own card JSON, drawn by the adaptivecards renderer.
const { microsoftTeams: teams, AdaptiveCards } = window;

const params = new URLSearchParams(location.search);
const stage = params.get('view') === 'stage';
/** Teams answers initialize at once; anywhere else it never does. */
const TEAMS_TIMEOUT_MS = 3000;
const RECONNECT_MS = 3000;

const THEMES = {
  default: {
    bg: '#ffffff',
    fg: '#242424',
    subtle: '#616161',
    accent: '#4f52b2',
    emphasis: '#f0f0f0',
    mark: '#c5cbfa',
    markFg: '#242424',
    good: '#0e700e',
    attention: '#c4314b',
    warning: '#835b00',
  },
  dark: {
    bg: '#1f1f1f',
    fg: '#ffffff',
    subtle: '#adadad',
    accent: '#7f85f5',
    emphasis: '#2e2e2e',
    mark: '#444791',
    markFg: '#ffffff',
    good: '#92c353',
    attention: '#f1707b',
    warning: '#f8d22a',
  },
  contrast: {
    bg: '#000000',
    fg: '#ffffff',
    subtle: '#ffffff',
    accent: '#ffff01',
    emphasis: '#333333',
    mark: '#1aebff',
    markFg: '#000000',
    good: '#3ff23f',
    attention: '#ff6b6b',
    warning: '#ffff01',
  },
};

const $ = (id) => document.getElementById(id);
let theme = 'default';
/** The JSON each section shows now: a section is drawn again only when it changes. */
const shown = new Map();

function hostConfig() {
  const t = THEMES[theme];
  const colors = (fg, accent = t.accent) => ({
    default: { default: fg, subtle: t.subtle },
    accent: { default: accent, subtle: accent },
    good: { default: t.good, subtle: t.good },
    attention: { default: t.attention, subtle: t.attention },
    warning: { default: t.warning, subtle: t.warning },
    dark: { default: fg, subtle: t.subtle },
    light: { default: fg, subtle: t.subtle },
  });
  const scale = stage ? 2 : 1;
  return new AdaptiveCards.HostConfig({
    fontFamily: 'inherit',
    supportsInteractivity: true,
    fontSizes: {
      small: 12 * scale,
      default: 14 * scale,
      medium: 17 * scale,
      large: 21 * scale,
      extraLarge: 26 * scale,
    },
    spacing: {
      small: 4 * scale,
      default: 8 * scale,
      medium: 16 * scale,
      large: 20 * scale,
      extraLarge: 32,
      padding: 12,
    },
    containerStyles: {
      default: { backgroundColor: t.bg, foregroundColors: colors(t.fg) },
      emphasis: { backgroundColor: t.emphasis, foregroundColors: colors(t.fg) },
      // The current sak's background: its "Behandles nå" must stand out from it, not blend in.
      accent: { backgroundColor: t.mark, foregroundColors: colors(t.markFg, t.markFg) },
    },
  });
}

const escapeHtml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// The cards use **bold** and [links](https://…); nothing more.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  result.didProcess = true;
};

function drawCard(id, json) {
  const key = JSON.stringify([theme, json]);
  if (shown.get(id) === key) return;
  shown.set(id, key);
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig();
  card.onExecuteAction = (action) => act(action);
  card.parse(json);
  $(id).replaceChildren(card.render());
}

/** The chat the panel belongs to, and whether it runs in Teams (then calls carry the SSO token). */
const session = { conversation: null, inTeams: false };

/**
 * A card button, answered in the panel: the server runs it with the same services as the chat and
 * sends back the card to show (an answer, the innspill form, a receipt, the memo) or a message.
 */
async function act(action) {
  const verb = action.verb ?? action.data?.verb;
  if (!verb || !session.conversation) return;
  notice('Et øyeblikk …');
  try {
    const res = await fetch(`/api/panel/action?conversation=${encodeURIComponent(session.conversation)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeaders(session.inTeams)) },
      body: JSON.stringify({ verb, data: action.data ?? {} }),
    });
    const body = await res.json();
    if (!res.ok) {
      notice(res.status === 400 ? 'Dette gjør du på kortet i chatten.' : body.message);
      return;
    }
    notice(body.message ?? '');
    if (body.card) {
      $('reply-section').hidden = false;
      shown.delete('reply');
      drawCard('reply', body.card);
      $('reply-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  } catch {
    notice('Fikk ikke kontakt med Møtebot. Prøv igjen.');
  }
}

function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

function applyTheme(name) {
  theme = THEMES[name] ? name : 'default';
  document.body.className = `theme-${theme}${stage ? ' stage' : ''}`;
  if (lastState) render(lastState);
}

let lastState = null;

function render(state) {
  lastState = state;
  $('meeting').textContent = state.meeting ? state.meeting.name : 'Møtebot';
  $('now').textContent = state.currentSak
    ? `Nå: sak ${state.currentSak}${state.currentTitle ? ` ${state.currentTitle}` : ''}`
    : '';
  if (!state.meeting)
    notice(
      'Denne chatten er ikke knyttet til et møte ennå. Sekretariatet kan skrive «@Møtebot møte 3/2031».',
    );
  else if ($('notice').textContent.startsWith('Denne chatten')) notice('');

  $('poll-section').hidden = !state.poll;
  if (state.poll) drawCard('poll', state.poll.card);
  // The stage shows the poll large; the agenda only when there is no poll.
  $('agenda-section').hidden = !state.agenda || (stage && !!state.poll);
  if (state.agenda && !$('agenda-section').hidden) drawCard('agenda', state.agenda);
  if (stage) return;

  $('innspill-section').hidden = !state.innspill.length;
  $('innspill').replaceChildren(
    ...state.innspill.map((group) => {
      const block = document.createElement('div');
      block.className = group.sak === state.currentSak ? 'group current' : 'group';
      const heading = document.createElement('h3');
      heading.textContent = `Sak ${group.sak}${group.title ? ` ${group.title}` : ''}`;
      const list = document.createElement('ul');
      list.append(...group.items.map((i) => item(i.text, i.by)));
      block.append(heading, list);
      return block;
    }),
  );
  $('questions-section').hidden = !state.questions.length;
  $('questions').replaceChildren(
    ...state.questions.map((q) =>
      item(
        q.text,
        [q.by, `${q.upvotes} ${q.upvotes === 1 ? 'stemme' : 'stemmer'}`, q.sak && `sak ${q.sak}`]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
  );
}

function item(text, by) {
  const li = document.createElement('li');
  const small = document.createElement('span');
  small.className = 'subtle';
  small.textContent = by;
  li.append(text, document.createElement('br'), small);
  return li;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function joinTeams() {
  if (!teams) return null;
  try {
    await Promise.race([
      teams.app.initialize(),
      sleep(TEAMS_TIMEOUT_MS).then(() => {
        throw new Error('not in Teams');
      }),
    ]);
    return await teams.app.getContext();
  } catch {
    return null;
  }
}

async function authHeaders(inTeams) {
  if (!inTeams) return {};
  try {
    return { authorization: `Bearer ${await teams.authentication.getAuthToken()}` };
  } catch {
    // Without single sign-on set up the bot runs in local mode, which needs no token.
    return {};
  }
}

/** Reads the server-sent events over fetch, which (unlike EventSource) can send the token. */
async function follow(conversation, inTeams) {
  const url = `/api/panel/events?conversation=${encodeURIComponent(conversation)}`;
  for (;;) {
    try {
      const res = await fetch(url, { headers: await authHeaders(inTeams) });
      if (res.status === 401) notice((await res.json()).message);
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      $('status').textContent = 'Oppdateres direkte';
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (/^event: state$/m.test(event) && data) render(JSON.parse(data));
        }
      }
    } catch {
      // The network, a restart of the bot: try again shortly.
    }
    $('status').textContent = 'Mistet forbindelsen – kobler til på nytt …';
    await sleep(RECONNECT_MS);
  }
}

function stageUrl(conversation) {
  return new URL(`/panel?view=stage&conversation=${encodeURIComponent(conversation)}`, location.origin).href;
}

async function start() {
  applyTheme(params.get('theme') || 'default');
  const context = await joinTeams();
  const conversation = context?.chat?.id ?? context?.channel?.id ?? params.get('conversation');
  if (context) {
    applyTheme(context.app.theme);
    teams.app.registerOnThemeChangeHandler(applyTheme);
    document.body.dataset.frame = context.page.frameContext;
  } else {
    document.body.dataset.frame = 'preview';
    $('mode').hidden = false;
  }
  if (!conversation) {
    notice('Åpne panelet i et Teams-møte, eller oppgi ?conversation= for en forhåndsvisning.');
    return;
  }
  session.conversation = conversation;
  session.inTeams = !!context;
  $('reply-close').addEventListener('click', () => {
    $('reply-section').hidden = true;
  });
  const share = $('share');
  share.hidden = stage || (context && context.page.frameContext !== 'sidePanel');
  share.addEventListener('click', () => {
    if (!context) {
      window.open(stageUrl(conversation), '_blank', 'noopener');
      return;
    }
    teams.meeting.shareAppContentToStage((err) => {
      notice(err ? 'Kunne ikke dele på skjermen. Prøv igjen, eller del vinduet.' : '');
    }, stageUrl(conversation));
  });
  await follow(conversation, !!context);
}

start();
