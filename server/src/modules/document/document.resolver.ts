import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { scope } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { Role } from '../account/account.enums.js';
import { DocumentView, PublishDocumentInput, UploadPolicy } from './document.types.js';

@Resolver(() => DocumentView)
export class DocumentResolver {
  @Authorized(scope('documents:write'), scope('messages:write'))
  @Query(() => UploadPolicy, { description: 'What uploads accept (the server checks it again).' })
  uploadPolicy(@Ctx() ctx: RequestContext): UploadPolicy {
    return ctx.app.services.documents.policy();
  }

  @Authorized(Role.STAFF, Role.ADMIN, scope('documents:write'))
  @Mutation(() => DocumentView, { description: 'Multipart upload (graphql-upload); send the header `Apollo-Require-Preflight: true`.' })
  publishDocument(@Arg('input') input: PublishDocumentInput, @Ctx() ctx: RequestContext): Promise<DocumentView> {
    return ctx.app.services.documents.publish(ctx, input);
  }
}
