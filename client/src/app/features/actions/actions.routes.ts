import { Routes } from '@angular/router';

export const actionsRoutes: Routes = [
  { path: '', title: 'titles.actions', loadComponent: () => import('./actions-page').then((m) => m.ActionsPage) },
];
