import { Account } from '../modules/account/account.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Client } from '../modules/client/client.entity.js';
import { AuthLink } from '../auth/auth-link.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { RecoveryCode } from '../auth/recovery-code.entity.js';
import { Session } from '../auth/session.entity.js';
import { SmsCode } from '../auth/sms-code.entity.js';
import { OutboxMessage } from '../notify/outbox.entity.js';
import { ApiTokenRow } from '../modules/api-token/api-token.entity.js';
import { DocumentDownload, DocumentRow } from '../modules/document/document.entity.js';
import { Dossier, DossierClient, DossierStatusRow, PendingNotification, ProgressStepRow } from '../modules/dossier/dossier.entity.js';
import { MessageRead, MessageRow } from '../modules/message/message.entity.js';
import { PortalEventCounter, PortalEventRow } from '../modules/event/event.entity.js';
import { ActionRow, QuestionnaireRow } from '../modules/action/action.entity.js';

export const entities = [Client, Account, AuthLink, Session, LoginFailure, OutboxMessage, AuditEntry, RecoveryCode, SmsCode,
  DossierStatusRow, Dossier, DossierClient, ProgressStepRow, PendingNotification, MessageRow, MessageRead, DocumentRow, DocumentDownload, ApiTokenRow,
  PortalEventRow, PortalEventCounter, QuestionnaireRow, ActionRow];
