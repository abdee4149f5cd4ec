import type { IntegrationType } from '../../../../domain/integration-types';

/** Help under each field, from Conversation Builder's documentation (reference §1.3–1.6, §2.4). */
const COMMON_HELP: Record<string, string> = {
  name: "Enter a name that's meaningful (it describes well the integration's purpose), concise, and follows a consistent pattern. Letters, digits and underscores, starting with a letter.",
  responseDataVariable:
    'The variable that gets populated with the response: the raw result lives in the bot variable api_<name>. It follows the Integration Name until you change it.',
  type: 'Selecting a type changes the rest of the form; the name, variable, script and custom data fields are kept.',
  transformScript:
    'If applicable, write JavaScript that transforms the raw result (typically JSON), so you can use the information in the bot’s dialog. Use the Response Data Variable Name with the api_ prefix.',
  customDataFields:
    'Add the fields that will store the result data in key/value pairs. Dialogs display this data by referencing these fields.',
  agentSkillName:
    'The name of the agent skill to transfer the conversation to, as defined in Conversational Cloud. Display only: it makes the skill readable, since the skill ID is a number.',
  agentSkillId:
    'Mandatory: without it the transfer won’t work. A numeric skill ID such as 3402109730, or a bot context variable such as {$botContext.skillId}.',
  agentId:
    'Optional, for bot-to-human transfers only: the ID of the agent to transfer to (a number or a variable such as {$botContext.agentId}). If that agent is not available or not on the skill, the skill gets the conversation.',
  transferBotContext:
    'For manual, bot-to-bot transfers only: automatically pass the user’s intent and/or message from the sender bot to the receiver bot.',
  messageToUser:
    'Guarantees the user sees a message before the transfer, for example "Hold on while I connect you with an agent." Static text, a variable, or both; use \\n for a new line. Required: to send nothing, switch on "Send no message" (it stores BLANK_MESSAGE).',
  credentialId: 'The credential to authenticate with, if applicable: the bot enhances the request based on its type.',
  headers: 'Message headers to include in the request.',
  requestParameters: 'Parameters passed in the URL’s query string.',
  postBody: 'The payload to send.',
  to: 'A comma-separated list of e-mail addresses, or variables such as {$botContext.email}.',
  replyTo: 'Optional: a comma-separated list of addresses that replies go to.',
  subject: 'You can use bot runtime data stored in botContext variables, such as {$botContext.orderNumber}.',
  body: 'The text of the e-mail; with Html Email on, you can enter HTML. botContext variables work here too.',
  html: 'Send the body as HTML.',
  functionId: 'The LivePerson function (lambda) to invoke.',
  payload: 'The payload passed to the function.',
  knowledgeBaseId: 'The knowledge base to search (method: Phrase Search).',
  mode: 'Intents, Intents Only, or Text.',
  threshold: 'The minimum match score for an article to be returned.',
  phrase: 'The phrase to search for; {$query} is the user’s message.',
  multipleResults: 'How many articles to return, from 1 to 5.',
};

const TYPE_HELP: Partial<Record<IntegrationType, Record<string, string>>> = {
  API: {
    method: 'The type of HTTP request method.',
    url: 'The request target: an http or https URL. Variables work in it, such as https://example.com/orders/{$botContext.orderNumber}.',
  },
  FILE: {
    method: 'PUT and POST are industry standards and commonly used.',
    url: 'The URL of your external upload service that can accept the file stream.',
  },
  FAAS: { headers: 'Key/value pairs passed to the function as headers.' },
};

export function helpFor(type: IntegrationType, field: string): string | undefined {
  return TYPE_HELP[type]?.[field] ?? COMMON_HELP[field];
}
