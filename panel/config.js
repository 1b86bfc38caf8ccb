// The tab's configuration page: nothing to choose, so saving is allowed at once and the tab
// opens the panel, which finds its chat in the Teams context.
const { app, pages } = window.microsoftTeams;

try {
  await app.initialize();
  const context = await app.getContext();
  document.body.className = `theme-${context.app.theme || 'default'}`;
  pages.config.registerOnSaveHandler((save) => {
    const contentUrl = new URL('/panel', location.origin).href;
    pages.config
      .setConfig({
        entityId: 'motebot-panel',
        contentUrl,
        websiteUrl: contentUrl,
        suggestedDisplayName: 'Møtebot',
      })
      .then(() => save.notifySuccess())
      .catch((err) => save.notifyFailure(String(err)));
  });
  pages.config.setValidityState(true);
} catch {
  document.getElementById('status').textContent =
    'Denne siden brukes når Møtebot legges til i et Teams-møte.';
}
