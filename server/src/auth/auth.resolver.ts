import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { PASSWORD_CHANGE_STAGE } from '../graphql/auth-checker.js';
import { AuthResult, LinkState, PasswordPolicyMode, PortalInfo } from './auth.types.js';
import { toAuthResult } from './second-step.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => PortalInfo)
  portalInfo(@Ctx() ctx: RequestContext): PortalInfo {
    const policy = ctx.app.passwords.describe();
    return { firmName: ctx.app.config.FIRM_NAME, passwordPolicy: { ...policy, mode: policy.mode as PasswordPolicyMode }, smsAllowed: ctx.app.config.SMS_ALLOWED };
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

  @Query(() => AuthResult, { nullable: true, description: 'Where the current session stands in signing in (null without one), so a reloaded page resumes the right step.' })
  authState(@Ctx() ctx: RequestContext): AuthResult | null {
    return ctx.app.services.secondStep.state(ctx);
  }

  @Mutation(() => AuthResult)
  async setPassword(@Arg('token') token: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthResult> {
    return toAuthResult(ctx.app, await ctx.app.services.auth.setPassword(ctx, token, password));
  }

  @Mutation(() => AuthResult)
  async login(@Arg('identifier') identifier: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthResult> {
    return toAuthResult(ctx.app, await ctx.app.services.auth.login(ctx, identifier, password));
  }

  @Mutation(() => AuthResult, { description: 'The second step of a login: a code from the authenticator app or SMS, or a recovery code.' })
  async verifySecondFactor(@Arg('code') code: string, @Ctx() ctx: RequestContext): Promise<AuthResult> {
    return toAuthResult(ctx.app, await ctx.app.services.secondStep.verify(ctx, code));
  }

  @Mutation(() => Boolean, { description: 'During the second step: send a login code by SMS (also instead of the authenticator app).' })
  sendLoginCodeBySms(@Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.secondStep.sendLoginCode(ctx);
  }

  @Mutation(() => Boolean, { description: '"E-mailadres vergeten": the login address by SMS when the number belongs to one account; the same answer either way.' })
  requestEmailReminder(@Arg('mobileNumber') mobileNumber: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.app.services.secondStep.requestEmailReminder(ctx, mobileNumber);
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
