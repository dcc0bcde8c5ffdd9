// Starts GraphiQL (React 18, ReactDOM and GraphiQL are the portal's own copies, loaded just before this file)
// against the portal's /graphql with the signed-in admin's session cookie.
(function () {
  'use strict';
  // Dialogs (settings, shortcuts) insert <style> elements; they take this nonce, which the page's
  // Content-Security-Policy allows for styles. Scripts only ever come from the portal itself.
  window.__webpack_nonce__ = document.currentScript.nonce;

  var DEFAULT_QUERY = [
    '# Dossierportaal GraphQL playground.',
    '# Queries and mutations run as you, the signed-in administrator; the schema is in the Docs panel.',
    '# Run with Ctrl+Enter.',
    '',
    '{',
    '  me {',
    '    email',
    '    role',
    '  }',
    '}',
    '',
  ].join('\n');

  var fetcher = GraphiQL.createFetcher({
    url: '/graphql',
    // Apollo Server's CSRF prevention lets a request through when it carries this header.
    headers: { 'Apollo-Require-Preflight': 'true' },
    fetch: function (input, init) {
      return window.fetch(input, Object.assign({}, init, { credentials: 'same-origin' }));
    },
    // Plain JSON answers: the portal does not stream (@defer/@stream) results.
    enableIncrementalDelivery: false,
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: DEFAULT_QUERY, shouldPersistHeaders: false }),
  );
})();
