import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { IncomingUpload } from '../../files/multipart.js';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import { Connection } from '../../graphql/pagination.js';

export enum MessageDirection { FROM_OFFICE = 'FROM_OFFICE', TO_OFFICE = 'TO_OFFICE' }
registerEnumType(MessageDirection, {
  name: 'MessageDirection',
  valuesConfig: {
    FROM_OFFICE: { description: 'Sent by the office to the client.' },
    TO_OFFICE: { description: 'Sent by the client (or intermediary) to the office.' },
  },
});

/** The most characters a message body may have (seed 000: "maximaal 4.000 tekens"). */
export const BODY_MAX = 4000;
export const SUBJECT_MAX = 200;

@ObjectType('Message', { simpleResolvers: true })
export class MessageView {
  @Field(() => ID) id: string;
  @Field(() => MessageDirection) direction: MessageDirection;
  @Field() subject: string;
  @Field() body: string;
  @Field() senderName: string;
  @Field(() => GraphQLDateTimeISO) sentAt: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the current user (client side) or the office (office side) read it.' }) readAt: Date | null;
  dossierId: string;
  inReplyToId: string | null;
}

@ObjectType('MessageConnection')
export class MessageConnection extends Connection('Message', () => MessageView) {}

/** Shared by the client's sendMessage and the office's postMessage; lengths are checked by the service (localized field errors). */
@InputType('MessageInputBase')
abstract class MessageInputBase {
  @Field(() => ID) dossierId: string;
  @Field() subject: string;
  @Field({ description: `1 to ${BODY_MAX} characters.` }) body: string;
  @Field(() => ID, { nullable: true }) inReplyToId?: string | null;
  @Field(() => [GraphQLUpload], { nullable: true }) attachments?: Promise<IncomingUpload>[] | null;
}

@InputType()
export class SendMessageInput extends MessageInputBase {}

@InputType()
export class PostMessageInput extends MessageInputBase {}
