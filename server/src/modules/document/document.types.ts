import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import type { IncomingUpload } from '../../files/multipart.js';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import { Connection } from '../../graphql/pagination.js';

export enum DocumentCategory {
  CORRESPONDENCE = 'CORRESPONDENCE',
  DOCUMENT = 'DOCUMENT',
  SUPPLIED = 'SUPPLIED',
  ATTACHMENT = 'ATTACHMENT',
}
registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  valuesConfig: {
    CORRESPONDENCE: { description: 'Letters and e-mails the firm published ("Correspondentie").' },
    DOCUMENT: { description: 'Other documents the firm published ("Documenten").' },
    SUPPLIED: { description: 'What the client side supplied: message attachments, completed questionnaires ("Door mij aangeleverd").' },
    ATTACHMENT: { description: 'Attachments of the firm\'s messages (shown with the message, not in a tab).' },
  },
});

@ObjectType('Document', { simpleResolvers: true })
export class DocumentView {
  @Field(() => ID) id: string;
  @Field(() => DocumentCategory) category: DocumentCategory;
  @Field() title: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;
  @Field() sha256: string;
  @Field(() => GraphQLDateTimeISO) publishedAt: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the current user first downloaded it; null = not yet.' }) downloadedAt: Date | null;
  @Field({ description: 'Relative URL; GET it with the session cookie or a bearer token.' }) downloadUrl: string;
  @Field({ description: 'Who published or supplied it.' }) uploadedByName: string;
}

@ObjectType('DocumentConnection')
export class DocumentConnection extends Connection('Document', () => DocumentView) {}

@ObjectType('UploadPolicy', { simpleResolvers: true })
export class UploadPolicy {
  @Field(() => Int, { description: 'Largest accepted file, in bytes.' }) maxFileSize: number;
  @Field(() => Int, { description: 'Most files in one message.' }) maxFiles: number;
  @Field(() => [String], { description: 'Accepted extensions (lower case, without dot); the content is checked too.' }) allowedExtensions: string[];
}

@InputType()
export class PublishDocumentInput {
  @Field(() => ID) dossierId: string;
  @Field(() => DocumentCategory, { description: 'CORRESPONDENCE or DOCUMENT.' }) category: DocumentCategory;
  @Field() @MinLength(1) @MaxLength(300) title: string;
  @Field(() => GraphQLUpload) file: Promise<IncomingUpload>;
  @Field(() => Boolean, { nullable: true, description: 'Send the e-mail notification (default true).' }) notify?: boolean | null;
}
