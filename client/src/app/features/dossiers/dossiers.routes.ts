import { Routes } from '@angular/router';

export const dossiersRoutes: Routes = [
  { path: '', title: 'titles.dossiers', loadComponent: () => import('./dossiers-page').then((m) => m.DossiersPage) },
];
