// The poll card (question, the member's inputs, their own answer, the results they may see) and the
// results card posted when a poll closes. The same card serves both.
import type { PollView, PollViewer } from '../src/polls/service.ts';
import type { PollResults } from '../src/polls/tally.ts';
import type { Poll, PollAnswer } from '../src/polls/types.ts';
import { clip, type CardJson } from './render.ts';

const KIND_LABEL: Record<Poll['kind'], string> = {
  single: 'Ett valg',
  multi: 'Flere valg',
  rating: 'Vurdering 1–5',
  ranking: 'Rangering',
  text: 'Fritekst',
  wordcloud: 'Ordsky',
};

/**
 * What is stored of a member's answer, said on every open poll (src/polls/voter.ts): an anonymous
 * poll keeps a keyed hash of poll and member, a named one the member's name.
 */
const PRIVACY = {
  anonymous:
    '🔒 Anonym: svaret ditt lagres under en nøkkel laget av avstemningen og deg med en hemmelig nøkkel, ikke under navnet ditt. Ingen, heller ikke sekretariatet, kan se hvem som svarte hva.',
  named: 'Navngitt: navnet ditt lagres med svaret, og sekretariatet kan se hvem som svarte hva.',
};

const VISIBILITY_LABEL: Record<Poll['results'], string> = {
  live: 'resultatene vises fortløpende',
  after_vote: 'resultatene vises når du har svart',
  after_close: 'resultatene vises når avstemningen lukkes',
};

function answerText(poll: Poll, a: PollAnswer): string {
  if ('choices' in a) return a.choices.map((i) => poll.options[i]).join(', ');
  if ('rating' in a) return String(a.rating);
  if ('ranking' in a) return a.ranking.map((i, n) => `${n + 1}. ${poll.options[i]}`).join(', ');
  if ('text' in a) return a.text;
  return a.words.join(', ');
}

/** The answer as the card's inputs hold it, so a member sees (and can change) what they gave. */
function inputValue(a: PollAnswer | null): string {
  if (!a) return '';
  if ('choices' in a) return a.choices.join(',');
  if ('rating' in a) return String(a.rating);
  if ('text' in a) return a.text;
  if ('words' in a) return a.words.join(', ');
  return '';
}

/** What a member submitted and was refused for: shown again, with why, so nothing they typed is lost. */
export interface PollDraft {
  values: Partial<Record<string, string>>;
  error: string;
}

/** The input values of a refused submission, for the input of the poll's kind. */
function draftValue(poll: Poll, draft: PollDraft | undefined): string | undefined {
  if (!draft) return undefined;
  const v = draft.values;
  if (poll.kind === 'single' || poll.kind === 'multi') return v.choice;
  if (poll.kind === 'rating') return v.rating;
  if (poll.kind === 'text') return v.text;
  if (poll.kind === 'wordcloud') return v.words;
  return undefined;
}

function participation(results: PollResults, members: number | null): string {
  const n = results.voters;
  return members ? `${n} av ${members} medlemmer har svart` : `${n} svar`;
}

/** The results as bars (votes, or a ranking's average points), the top words and the latest texts. */
function resultData(poll: Poll, r: PollResults) {
  const bars =
    poll.kind === 'rating' && r.rating
      ? r.rating.counts.map((count, i) => ({
          label: String(i + 1),
          count,
          percent: r.voters ? (count / r.voters) * 100 : 0,
        }))
      : poll.kind === 'ranking'
        ? r.ranking.map((x, i) => ({
            label: `${i + 1}. ${x.label}`,
            detail: `${x.average} poeng i snitt`,
            average: x.average,
            percent: (x.average / Math.max(1, poll.options.length)) * 100,
          }))
        : r.options;
  const top = r.words.slice(0, 15);
  return {
    bars: bars.map((b) => {
      const filled = Math.round(Math.max(0, Math.min(100, b.percent)));
      return {
        label: clip(b.label, 100),
        detail: 'detail' in b ? b.detail : `${b.count} (${Math.round(b.percent)} %)`,
        // What the chart plots: the votes, or a ranking's average points.
        value: 'count' in b ? b.count : b.average,
        filled,
        empty: 100 - filled,
      };
    }),
    words: top.map((w, i) => ({
      word: w.word,
      count: w.count,
      size: i === 0 ? 'ExtraLarge' : i < 3 ? 'Large' : i < 8 ? 'Medium' : 'Default',
    })),
    texts: r.texts.slice(-30).map((t) => clip(t, 300)),
    ratingLine: r.rating ? `Snitt ${r.rating.average}` : '',
  };
}

type Bar = ReturnType<typeof resultData>['bars'][number];

/** A small, subtle line of text (context, settings, privacy, participation). */
const note = (text: string) => ({ type: 'TextBlock', text, size: 'Small', isSubtle: true, wrap: true });

/** An Action.Execute with the Action.Submit fallback older clients need. */
function execute({ verb, title, pollId }: { verb: string; title: string; pollId: string }) {
  return {
    type: 'Action.Execute',
    verb,
    title,
    data: { pollId },
    fallback: { type: 'Action.Submit', title, data: { verb, pollId } },
  };
}

const RATING_CHOICES = [
  { title: '1 – svært lite', value: '1' },
  { title: '2', value: '2' },
  { title: '3', value: '3' },
  { title: '4', value: '4' },
  { title: '5 – svært mye', value: '5' },
];

/** The poll's options as a choice set's choices, each valued by its index. */
const optionChoices = (poll: Poll) => poll.options.map((title, i) => ({ title, value: String(i) }));

/** The input of the poll's kind, holding the member's answer (or refused draft). */
function answerInputs(
  poll: Poll,
  viewer: PollViewer,
  draft: PollDraft | undefined,
): Record<string, unknown>[] {
  const value = draftValue(poll, draft) ?? inputValue(viewer.answer);
  switch (poll.kind) {
    case 'single':
    case 'multi':
      return [
        {
          type: 'Input.ChoiceSet',
          id: 'choice',
          style: 'expanded',
          isMultiSelect: poll.kind === 'multi',
          value,
          choices: optionChoices(poll),
          label: 'Ditt valg',
          errorMessage: 'Velg et alternativ.',
          isRequired: true,
        },
      ];
    case 'rating':
      return [
        {
          type: 'Input.Rating',
          id: 'rating',
          max: 5,
          // Input.Rating takes a number; 0 shows no stars chosen.
          value: Number(value) || 0,
          allowHalfSteps: false,
          label: 'Din vurdering (1–5)',
          isRequired: true,
          errorMessage: 'Velg en vurdering.',
          fallback: {
            type: 'Input.ChoiceSet',
            id: 'rating',
            style: 'expanded',
            value,
            choices: RATING_CHOICES.map((c) => ({ ...c })),
            label: 'Din vurdering (1–5)',
            errorMessage: 'Velg en vurdering.',
            isRequired: true,
          },
        },
      ];
    case 'ranking':
      return poll.options.map((_, i) => ({
        type: 'Input.ChoiceSet',
        id: `rank${i + 1}`,
        label: `${i + 1}. plass`,
        value:
          draft?.values[`rank${i + 1}`] ??
          (viewer.answer && 'ranking' in viewer.answer ? String(viewer.answer.ranking[i] ?? '') : ''),
        choices: optionChoices(poll),
        isRequired: true,
        errorMessage: 'Velg et alternativ for hver plass.',
      }));
    case 'text':
      return [
        {
          type: 'Input.Text',
          id: 'text',
          isMultiline: true,
          maxLength: 1000,
          placeholder: 'Skriv svaret ditt',
          value,
          label: 'Ditt svar',
          errorMessage: 'Skriv et svar.',
          isRequired: true,
        },
      ];
    case 'wordcloud':
      return [
        {
          type: 'Input.Text',
          id: 'words',
          maxLength: 200,
          placeholder: 'Ett til tre ord, skilt med komma',
          value,
          label: 'Ord (skill dem med komma)',
          errorMessage: 'Skriv minst ett ord.',
          isRequired: true,
        },
      ];
  }
}

/** One part of a fallback bar: filled, or what is left of 100 %. */
const barColumn = (width: number, style: string) => ({
  type: 'Column',
  width,
  style,
  minHeight: '8px',
  items: [],
});

/** Teams' bar chart, with bars any client draws (label, count, a filled and an empty column) as its fallback. */
function barChart(bars: Bar[]) {
  return {
    type: 'Chart.HorizontalBar',
    displayMode: 'AbsoluteWithAxis',
    data: bars.map((b) => ({ x: `${b.label} · ${b.detail}`, y: b.value })),
    fallback: {
      type: 'Container',
      items: bars.map((b) => ({
        type: 'Container',
        spacing: 'Small',
        items: [
          {
            type: 'ColumnSet',
            columns: [
              {
                type: 'Column',
                width: 'stretch',
                items: [{ type: 'TextBlock', text: b.label, wrap: true }],
              },
              {
                type: 'Column',
                width: 'auto',
                items: [{ type: 'TextBlock', text: b.detail, weight: 'Bolder' }],
              },
            ],
          },
          {
            type: 'ColumnSet',
            spacing: 'None',
            minHeight: '8px',
            columns: [
              ...(b.filled > 0 ? [barColumn(b.filled, 'accent')] : []),
              ...(b.empty > 0 ? [barColumn(b.empty, 'emphasis')] : []),
            ],
          },
        ],
      })),
    },
  };
}

/** When a timed poll closes, in Oslo time; made once, since every vote on it redraws the card. */
const CLOSING_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Drawn in code, not from a template: every vote gets this card back, and expanding a template
 * cost more than the rest of Møtebot's work on the vote.
 */
export function pollCard(
  poll: Poll,
  results: PollResults,
  viewer: PollViewer,
  opts: {
    members?: number | null;
    context?: string;
    /** Shown on a shared screen (meeting side panel or stage): no inputs or buttons. */
    screen?: boolean;
    /** A refused submission, shown again in the inputs with the reason. */
    draft?: PollDraft;
  } = {},
): CardJson {
  const draft = opts.draft;
  const open = !poll.closedAt;
  const screen = opts.screen ?? false;
  const interactive = open && !screen;
  const shown = resultData(poll, results);
  const showResults = viewer.seesResults || !open;
  const members = opts.members ?? null;
  const settings = [
    KIND_LABEL[poll.kind] + (poll.kind === 'multi' && poll.maxPicks ? ` (høyst ${poll.maxPicks})` : ''),
    poll.anonymous ? 'anonym' : 'navngitt',
    open ? VISIBILITY_LABEL[poll.results] : 'lukket',
    open && poll.closesAt ? `lukkes ${CLOSING_TIME.format(new Date(poll.closesAt))}` : '',
  ].filter(Boolean);
  const mine = viewer.answer
    ? `Ditt svar: ${clip(answerText(poll, viewer.answer), 300)}${open ? ' – du kan endre det til avstemningen lukkes.' : ''}`
    : '';
  // A screen everyone watches sees how many have answered, but not the results before they may.
  const waiting =
    screen && !showResults
      ? `${participation(results, members)}. Resultatene vises når avstemningen lukkes.`
      : '';
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: open ? 'Avstemning' : 'Resultat av avstemning',
      size: 'Small',
      weight: 'Bolder',
      color: 'Accent',
      wrap: true,
    },
  ];
  if (opts.context) body.push(note(opts.context));
  body.push(
    { type: 'TextBlock', text: poll.question, size: 'Medium', weight: 'Bolder', wrap: true },
    { ...note(settings.join(' · ')), spacing: 'None' },
  );
  if (interactive) body.push({ ...note(PRIVACY[poll.anonymous ? 'anonymous' : 'named']), spacing: 'None' });
  if (draft?.error)
    body.push({ type: 'TextBlock', text: draft.error, color: 'Attention', wrap: true, weight: 'Bolder' });
  if (interactive) body.push(...answerInputs(poll, viewer, draft));
  if (mine) body.push({ type: 'TextBlock', text: mine, wrap: true, color: 'Good' });
  if (waiting) body.push({ type: 'TextBlock', text: waiting, separator: true, isSubtle: true, wrap: true });
  if (showResults)
    body.push({
      type: 'Container',
      separator: true,
      items: [
        note(participation(results, members) + (shown.ratingLine ? ` · ${shown.ratingLine}` : '')),
        ...(shown.bars.length ? [barChart(shown.bars)] : []),
        ...shown.words.map((w) => ({
          type: 'TextBlock',
          text: `${w.word} (${w.count})`,
          size: w.size,
          weight: 'Bolder',
          wrap: true,
          spacing: 'None',
        })),
        ...shown.texts.map((t) => ({ type: 'TextBlock', text: `• ${t}`, wrap: true, spacing: 'Small' })),
      ],
    });
  const actions: Record<string, unknown>[] = [];
  if (interactive)
    actions.push(
      execute({ verb: 'poll.vote', title: viewer.answer ? 'Endre svar' : 'Send svar', pollId: poll.id }),
      execute({ verb: 'poll.refresh', title: 'Oppdater', pollId: poll.id }),
    );
  if (open && viewer.mayClose)
    actions.push({
      type: 'Action.ShowCard',
      title: 'Lukk avstemningen …',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'TextBlock',
            text: 'Vil du lukke avstemningen? Ingen kan svare etterpå, og resultatene legges ut i chatten.',
            wrap: true,
          },
        ],
        actions: [
          {
            ...execute({ verb: 'poll.close', title: 'Ja, lukk den', pollId: poll.id }),
            style: 'destructive',
          },
        ],
      },
    });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  };
}

/** A poll as the poll service's view gives it: for one viewer, or (`screen`) for everyone watching. */
export function pollViewCard(
  view: PollView,
  opts: { members?: number | null; screen?: boolean; draft?: PollDraft } = {},
): CardJson {
  return pollCard(view.poll, view.results, view.viewer, { ...opts, context: view.context });
}
