// The page script of the Smart Forms check: the renderer as its documentation sets it up
// (buildForm, then BaseRenderer inside RendererThemeProvider and a QueryClientProvider), bundled
// by esbuild. Plain JavaScript (no JSX): the library's typecheck does not see these packages.
import { QueryClientProvider } from '@tanstack/react-query';
import { BaseRenderer, buildForm, getResponse, RendererThemeProvider, useRendererQueryClient } from '@aehrc/smart-forms-renderer';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const queryClient = useRendererQueryClient();
  return createElement(RendererThemeProvider, null, createElement(QueryClientProvider, { client: queryClient }, createElement(BaseRenderer)));
}

const root = createRoot(document.getElementById('form'));
let renders = 0;
window.smartForms = {
  /** Builds the form and renders it afresh; resolves once React has drawn it. */
  async render(questionnaire) {
    // No terminology server: every choice has answerOptions. A request to it would be blocked.
    await buildForm({ questionnaire, terminologyServerUrl: `${location.origin}/no-terminology-server` });
    root.render(createElement(App, { key: ++renders }));
  },
  response: () => getResponse(),
};
window.smartFormsReady = true;
