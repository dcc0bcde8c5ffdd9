import { Routes } from '@angular/router';
import { roleGuard, signedInGuard } from './core/guards/auth.guards';
import { AnonymousLayout } from './core/layout/anonymous-layout';
import { Shell } from './core/layout/shell';

/**
 * The signed-in area is matched first, so a signed-in visit never loads the sign-in
 * chunk; every feature is lazy. Route titles are translation keys (see TranslatedTitleStrategy).
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'home' },
  {
    path: '',
    component: Shell,
    canActivateChild: [signedInGuard],
    children: [
      { path: 'home', loadChildren: () => import('./features/home/home.routes').then((m) => m.homeRoutes) },
      { path: 'dossiers', loadChildren: () => import('./features/dossiers/dossiers.routes').then((m) => m.dossiersRoutes) },
      { path: 'actions', loadChildren: () => import('./features/actions/actions.routes').then((m) => m.actionsRoutes) },
      { path: 'my-details', loadChildren: () => import('./features/settings/settings.routes').then((m) => m.settingsRoutes) },
      {
        path: 'accounts',
        canMatch: [roleGuard('COMPANY_MAIN')],
        loadChildren: () => import('./features/extra-accounts/extra-accounts.routes').then((m) => m.extraAccountsRoutes),
      },
    ],
  },
  {
    path: '',
    component: AnonymousLayout,
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: '**',
    component: AnonymousLayout,
    children: [
      {
        path: '',
        title: 'titles.notFound',
        loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
