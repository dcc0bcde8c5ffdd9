import { Routes } from '@angular/router';

/** "Accounts | Extra accounts" (company main accounts; the role is checked where this is loaded). */
export const extraAccountsRoutes: Routes = [
  {
    path: '',
    title: 'titles.extraAccounts',
    loadComponent: () => import('./extra-accounts-page').then((m) => m.ExtraAccountsPage),
  },
];
