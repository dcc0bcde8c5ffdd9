import { Routes } from '@angular/router';
import { anonymousGuard, passwordChangeGuard, signInStepGuard } from '../../core/guards/auth.guards';

/** Sign-in (with its later steps), invitation and password pages (anonymous layout). */
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
  {
    path: 'second-factor',
    title: 'titles.secondFactor',
    canActivate: [signInStepGuard('SECOND_FACTOR_REQUIRED')],
    loadComponent: () => import('./second-factor/second-factor-page').then((m) => m.SecondFactorPage),
  },
  {
    path: 'two-factor-setup',
    title: 'titles.twoFactorSetup',
    canActivate: [signInStepGuard('TWO_FACTOR_SETUP_REQUIRED')],
    loadComponent: () => import('./two-factor-setup/two-factor-setup-page').then((m) => m.TwoFactorSetupPage),
  },
  {
    path: 'email-reminder',
    title: 'titles.emailReminder',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./email-reminder/email-reminder-page').then((m) => m.EmailReminderPage),
  },
];
