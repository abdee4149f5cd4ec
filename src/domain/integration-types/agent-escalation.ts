import { defineIntegrationType, field, textOf } from './descriptor';
import { INTEGRATION_TYPE_NAMES } from './type-names';

/** The platform's sentinel for "the transfer needs a message, but send none". */
export const BLANK_MESSAGE = 'BLANK_MESSAGE';

const escalationScript = `// Keep the queue position the transfer returned, for the goodbye message.
var result = botContext.getBotVariable('api_Escalation');
var data = JSON.parse(result.jsonData).api_Escalation;
botContext.setBotVariable('queuePosition', String(data.queuePosition), true, false);
botContext.printDebugMessage('Transfer queued at position ' + data.queuePosition);
`;

export const agentEscalation = defineIntegrationType({
  type: 'LIVEPERSON_AGENT_ESCALATION',
  ...INTEGRATION_TYPE_NAMES.LIVEPERSON_AGENT_ESCALATION,
  fields: {
    agentSkillName: field({
      schema: (k) => k.optionalText('Agent Skill Name', 255),
      label: 'Agent Skill Name',
      help: 'The name of the agent skill to transfer the conversation to, as defined in Conversational Cloud. Display only: it makes the skill readable, since the skill ID is a number.',
      initial: '',
      cbKey: 'agentSkillName',
      placeholder: 'Returns',
    }),
    agentSkillId: field({
      schema: (k) => k.idOrVariableSchema('Agent Skill Id'),
      required: true,
      label: 'Agent Skill Id',
      help: 'Mandatory: without it the transfer won’t work. A numeric skill ID such as 3402109730, or a bot context variable such as {$botContext.skillId}.',
      initial: '',
      cbKey: 'agentSkillId',
      placeholder: '3402109800 or {$botContext.skillId}',
    }),
    agentId: field({
      schema: (k) =>
        k.z.union([k.idOrVariableSchema('Agent Id', { variable: 'agentId', accountUserId: true }), k.z.literal('')]).default(''),
      label: 'Agent Id',
      help: 'Optional, for bot-to-human transfers only: the ID of the agent to transfer to (a number, <accountId>.<userId>, or a variable such as {$botContext.agentId}). If that agent is not available or not on the skill, the skill gets the conversation.',
      initial: '',
      cbKey: 'agentId',
      placeholder: '{$botContext.agentId}',
    }),
    transferBotContext: field({
      schema: (k) => k.z.boolean({ error: 'Transfer Bot Context must be true or false.' }).default(false),
      label: 'Transfer Bot Context',
      help: 'For manual, bot-to-bot transfers only: automatically pass the user’s intent and/or message from the sender bot to the receiver bot.',
      initial: false,
      // The export's Transfer Bot Context flag ("tango" = bot-to-bot hand-off), seen on every API entry.
      cbKey: 'tangoContextEnabled',
    }),
    messageToUser: field({
      schema: (k) => k.requiredText('Message to User', 2000, 'Enter the text sent before the transfer, or BLANK_MESSAGE to send none.'),
      required: true,
      label: 'Message to User',
      help: 'Guarantees the user sees a message before the transfer, for example "Hold on while I connect you with an agent." Static text, a variable, or both; use \\n for a new line. Required: to send nothing, switch on "Send no message" (it stores BLANK_MESSAGE).',
      initial: '',
      cbKey: 'messageToUser',
      placeholder: 'Hold on while I connect you with an agent.',
    }),
  },
  summarize: (values) => {
    const skill = [textOf(values.agentSkillName), textOf(values.agentSkillId)].filter(Boolean).join(' · ');
    const message = textOf(values.messageToUser);
    return [
      { label: 'Agent skill', value: skill },
      { label: 'Message to User', value: message === BLANK_MESSAGE ? 'none (BLANK_MESSAGE)' : message },
    ];
  },
  demoSample: JSON.stringify({ queuePosition: 3, estimatedWaitSeconds: 120 }, null, 2),
  demo: {
    name: 'Escalation',
    responseDataVariable: 'Escalation',
    agentSkillName: 'Customer Care',
    agentSkillId: '3402109730',
    agentId: '',
    transferBotContext: false,
    messageToUser: 'Hold on while I connect you with an agent.',
    transformScript: escalationScript,
    customDataFields: [
      { key: 'queuePosition', value: '{$.api_Escalation.queuePosition}' },
      { key: 'estimatedWait', value: '{$.api_Escalation.estimatedWaitSeconds}' },
    ],
  },
});
