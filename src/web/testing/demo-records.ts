import type { Bot } from '../../domain/bot';
import type { Integration } from '../../domain/integration';

export const BOT: Bot = {
  id: '5b0c1a52-8f59-4a57-9a38-0a4f8f3c2d11',
  name: 'Customer Care Bot',
  description: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

export const ESCALATION = {
  id: '9d7e2c1b-3f4a-4b5c-8d6e-7f8091a2b3c4',
  botId: BOT.id,
  type: 'LIVEPERSON_AGENT_ESCALATION',
  name: 'Escalation',
  responseDataVariable: 'Escalation',
  agentSkillName: 'Customer Care',
  agentSkillId: '3402109730',
  agentId: '',
  transferBotContext: false,
  messageToUser: 'BLANK_MESSAGE',
  transformScript: '',
  customDataFields: [{ key: 'queuePosition', value: '{$.api_Escalation.queuePosition}' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
} satisfies Integration;
