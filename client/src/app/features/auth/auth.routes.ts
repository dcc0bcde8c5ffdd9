import { Routes } from '@angular/router';
import { anonymousGuard, passwordChangeGuard } from '../../core/guards/auth.guards';

/** Sign-in, invitation and password pages (anonymous layout). */
export const authRoutes: Routes = [
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'password-link',
    title: 'titles.passwordLink',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./password-link/password-link-page').then((m) => m.PasswordLinkPage),
  },
  {
    path: 'activate/:token',
    title: 'titles.activate',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./activate/activate-page').then((m) => m.ActivatePage),
  },
  {
    path: 'set-password/:token',
    title: 'titles.setPassword',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./set-password/set-password-page').then((m) => m.SetPasswordPage),
  },
  {
    path: 'password-change',
    title: 'titles.passwordChange',
    canActivate: [passwordChangeGuard],
    loadComponent: () => import('./password-change/password-change-page').then((m) => m.PasswordChangePage),
  },
];
