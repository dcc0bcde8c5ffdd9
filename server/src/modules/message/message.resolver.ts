import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Role } from '../account/account.enums.js';
import { DocumentView } from '../document/document.types.js';
import { MessageView, PostMessageInput, SendMessageInput } from './message.types.js';

const CLIENT_SIDE = [Role.CLIENT, Role.COMPANY_MAIN, Role.COMPANY_EXTRA, Role.INTERMEDIARY, Role.OFFICE_USER_ADMIN];

@Resolver(() => MessageView)
export class MessageResolver {
  @Authorized(...CLIENT_SIDE)
  @Mutation(() => MessageView, { description: 'Multipart when it has attachments; send the header `Apollo-Require-Preflight: true`.' })
  sendMessage(@Arg('input') input: SendMessageInput, @Ctx() ctx: RequestContext): Promise<MessageView> {
    return ctx.app.services.messages.send(ctx, input);
  }

  @Authorized(scope('messages:write'))
  @Mutation(() => MessageView)
  markMessageRead(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MessageView> {
    return ctx.app.services.messages.markRead(ctx, id);
  }

  @Authorized(Role.STAFF, Role.ADMIN, scope('messages:write'))
  @Mutation(() => MessageView, { description: 'A message from the office to the dossier\'s clients (multipart with attachments).' })
  postMessage(@Arg('input') input: PostMessageInput, @Ctx() ctx: RequestContext): Promise<MessageView> {
    return ctx.app.services.messages.post(ctx, input);
  }

  @FieldResolver(() => MessageView, { nullable: true })
  async inReplyTo(@Root() message: MessageView, @Ctx() ctx: RequestContext): Promise<MessageView | null> {
    return message.inReplyToId ? ctx.app.services.messages.byId(ctx, message.inReplyToId) : null;
  }

  @FieldResolver(() => [DocumentView])
  attachments(@Root() message: MessageView, @Ctx() ctx: RequestContext): Promise<DocumentView[]> {
    return ctx.app.services.documents.attachments(ctx, message.id);
  }
}
