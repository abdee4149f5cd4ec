import { BLANK_MESSAGE } from '../../domain/integration-types';
import { aBot, anIntegration } from '../../domain/samples';

/** The records the web tests' fake API answers with: the shared samples (src/domain/samples.ts). */
export const BOT = aBot({ description: '' });

/** The demo's Agent Escalation as stored, a few saves in, sending no message before the transfer. */
export const ESCALATION = anIntegration('LIVEPERSON_AGENT_ESCALATION', {
  botId: BOT.id,
  messageToUser: BLANK_MESSAGE,
  customDataFields: [{ key: 'queuePosition', value: '{$.api_Escalation.queuePosition}' }],
  version: 3,
});
