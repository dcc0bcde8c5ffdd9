import { Routes } from '@angular/router';

export const settingsRoutes: Routes = [
  { path: '', title: 'titles.myDetails', loadComponent: () => import('./my-details-page').then((m) => m.MyDetailsPage) },
];
