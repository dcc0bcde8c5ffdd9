import { Routes } from '@angular/router';

/**
 * /actions (the open questionnaires), /actions/:id (filling one in) and /actions/:id/result (a
 * completed one, with print and PDF): the wizard shows whichever the action's state calls for.
 */
export const actionsRoutes: Routes = [
  { path: '', title: 'titles.actions', loadComponent: () => import('./actions-page').then((m) => m.ActionsPage) },
  { path: ':id', title: 'titles.action', loadComponent: () => import('./action-wizard').then((m) => m.ActionWizard) },
  { path: ':id/result', title: 'titles.action', loadComponent: () => import('./action-wizard').then((m) => m.ActionWizard) },
];
