import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { PASSWORD_CHANGE_STAGE } from '../graphql/auth-checker.js';
import { AuthResult, AuthStatus, LinkState, PasswordPolicyMode, PortalInfo } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Query(() => PortalInfo)
  portalInfo(@Ctx() ctx: RequestContext): PortalInfo {
    const policy = ctx.app.passwords.describe();
    return { firmName: ctx.app.config.FIRM_NAME, passwordPolicy: { ...policy, mode: policy.mode as PasswordPolicyMode } };
  }

  @Query(() => LinkState, { description: 'Whether a set-password link can still be used (checked when its page opens).' })
  passwordLinkState(@Arg('token') token: string, @Ctx() ctx: RequestContext): Promise<LinkState> {
    return ctx.app.services.auth.passwordLinkState(token) as Promise<LinkState>;
  }

  @Mutation(() => Boolean, { description: 'Onboarding and login.' })
  requestPasswordLink(@Arg('email') email: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.auth.requestPasswordLink(ctx, email);
  }

  @Mutation(() => LinkState, { description: 'Opening an invitation link; an expired invitation is replaced by a fresh e-mail.' })
  openInvitation(@Arg('token') token: string, @Ctx() ctx: RequestContext): Promise<LinkState> {
    return ctx.app.services.auth.openInvitation(ctx, token) as Promise<LinkState>;
  }

  @Mutation(() => AuthResult)
  async setPassword(@Arg('token') token: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthResult> {
    const { status, account } = await ctx.app.services.auth.setPassword(ctx, token, password);
    return { status: status as AuthStatus, account: status === 'SIGNED_IN' ? account : null };
  }

  @Mutation(() => AuthResult)
  async login(@Arg('identifier') identifier: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthResult> {
    const { status, account } = await ctx.app.services.auth.login(ctx, identifier, password);
    return { status: status as AuthStatus, account: status === 'SIGNED_IN' ? account : null };
  }

  @Mutation(() => Boolean)
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.auth.logout(ctx);
  }

  @Authorized(PASSWORD_CHANGE_STAGE)
  @Mutation(() => Boolean)
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.auth.changePassword(ctx, currentPassword, newPassword);
  }
}
