import { Routes } from '@angular/router';

export const homeRoutes: Routes = [
  { path: '', title: 'titles.home', loadComponent: () => import('./home-page').then((m) => m.HomePage) },
];
