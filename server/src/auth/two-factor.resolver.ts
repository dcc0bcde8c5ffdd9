import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { RequestContext } from '../graphql/context.js';
import { TWO_FACTOR_SETUP_STAGE } from '../graphql/auth-checker.js';
import { Account } from '../modules/account/account.entity.js';
import { Role } from '../modules/account/account.enums.js';
import { RecoveryCodes, TotpSetup, TwoFactorStatus } from './auth.types.js';

/** Two-step verification under Mijn gegevens; the setup operations also serve a user who must set it up before going on. */
@Resolver()
export class TwoFactorResolver {
  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Query(() => TwoFactorStatus)
  myTwoFactor(@Ctx() ctx: RequestContext): Promise<TwoFactorStatus> {
    return ctx.app.services.twoFactor.state(ctx);
  }

  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Mutation(() => GraphQLDateTimeISO, { description: 'Enter the password again; for 5 minutes the phone and 2-step method may then be changed. Returns until when.' })
  confirmPassword(@Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<Date> {
    return ctx.app.services.twoFactor.confirmPassword(ctx, password);
  }

  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Mutation(() => Boolean, { description: 'Sends a code to the number. Needs a recent password (confirmPassword).' })
  startSmsVerification(
    @Arg('mobileNumber') mobileNumber: string,
    @Arg('twoFactor', () => Boolean, { nullable: true, defaultValue: true, description: 'Confirming turns on 2-step by SMS; false only changes the mobile number.' }) twoFactor: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.app.services.twoFactor.startSms(ctx, mobileNumber, twoFactor);
  }

  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Mutation(() => RecoveryCodes, { description: 'Confirms the SMS code; returns new recovery codes when 2-step by SMS was turned on (none when only the number changed).' })
  async confirmSmsVerification(@Arg('code') code: string, @Ctx() ctx: RequestContext): Promise<RecoveryCodes> {
    return { codes: await ctx.app.services.twoFactor.confirmSms(ctx, code) };
  }

  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Mutation(() => TotpSetup, { description: 'A new authenticator secret with its QR code. Needs a recent password (confirmPassword).' })
  startTotpSetup(@Ctx() ctx: RequestContext): Promise<TotpSetup> {
    return ctx.app.services.twoFactor.startTotp(ctx);
  }

  @Authorized(TWO_FACTOR_SETUP_STAGE)
  @Mutation(() => RecoveryCodes)
  async confirmTotpSetup(@Arg('code') code: string, @Ctx() ctx: RequestContext): Promise<RecoveryCodes> {
    return { codes: await ctx.app.services.twoFactor.confirmTotp(ctx, code) };
  }

  @Authorized()
  @Mutation(() => Account)
  disableTwoFactor(@Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.twoFactor.disable(ctx, password);
  }

  @Authorized()
  @Mutation(() => RecoveryCodes)
  async regenerateRecoveryCodes(@Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<RecoveryCodes> {
    return { codes: await ctx.app.services.twoFactor.regenerateRecoveryCodes(ctx, password) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Account, { description: 'Admins.' })
  resetTwoFactor(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.app.services.twoFactor.reset(ctx, accountId);
  }
}
