import { Routes } from '@angular/router';

/** /dossiers (the overview) and /dossiers/:id (an opened dossier, its own lazy chunk). */
export const dossiersRoutes: Routes = [
  { path: '', title: 'titles.dossiers', loadComponent: () => import('./dossiers-page').then((m) => m.DossiersPage) },
  {
    path: ':id',
    title: 'titles.dossier',
    loadComponent: () => import('../dossier/dossier-page').then((m) => m.DossierPage),
  },
];
