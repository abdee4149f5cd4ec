/**
 * The botContext scripting API of reference §2.3, once as data (the simulator and its tests check
 * that it implements every entry) and once as a TypeScript declaration for Monaco's `addExtraLib`.
 */

interface BotContextParam {
  name: string;
  type: string;
  doc: string;
  optional?: boolean;
}

interface BotContextFunction {
  name: string;
  params: BotContextParam[];
  returns: { type: string; doc: string };
  doc: string;
  /** What the simulator does where it cannot do what the bot runtime does. */
  simulator?: string;
}

const NAME: BotContextParam = { name: 'name', type: 'string', doc: 'The variable name.' };

export const BOT_CONTEXT_FUNCTIONS: readonly BotContextFunction[] = [
  {
    name: 'getBotVariable',
    params: [NAME],
    // Scripts read `api_<ResponseDataVariable>` as an object with a `jsonData` string, so not `string | null`.
    returns: { type: 'any', doc: 'The value (text), or null when the variable is not set.' },
    doc: 'Reads a bot variable. Variables that are not set return null; values are text, except `api_<ResponseDataVariable>`, an object whose `jsonData` is the JSON text of `{ "api_<ResponseDataVariable>": <raw result> }`, and `api_<ResponseDataVariable>Status`, the HTTP status as text.',
  },
  {
    name: 'setBotVariable',
    params: [
      NAME,
      { name: 'value', type: 'any', doc: 'The value; anything but the api_ object is converted to text.' },
      { name: 'persistForSession', type: 'boolean', doc: 'true: kept for the session; false: for this request only.' },
      { name: 'persistForever', type: 'boolean', doc: 'true: kept for 180 days (to be deprecated).' },
    ],
    returns: { type: 'void', doc: '' },
    doc: 'Sets a bot variable. Whatever the data type of the value, it is converted to text (use JSON.stringify for objects); write `api_<ResponseDataVariable>` back as the object you read to change what Custom Data Fields see.',
  },
  {
    name: 'printDebugMessage',
    params: [{ name: 'message', type: 'string', doc: 'The text to log.' }],
    returns: { type: 'void', doc: '' },
    doc: "Logs a debug message, shown in the bot's logs (and in the simulator's debug log).",
  },
  {
    name: 'logCustomEvent',
    params: [
      { name: 'userMessage', type: 'string', doc: 'The user message the event relates to.' },
      { name: 'eventName', type: 'string', doc: 'The event name.' },
      { name: 'eventDetail', type: 'string', doc: 'Details; at most 32 KB.' },
    ],
    returns: { type: 'void', doc: '' },
    doc: 'Logs a custom event for Bot Analytics.',
  },
  {
    name: 'isApiExecutionSuccessful',
    params: [],
    returns: { type: 'boolean', doc: 'true when the status was 200 or 201.' },
    doc: 'Whether the most recent API integration that was executed succeeded.',
  },
  {
    name: 'getApiStatusCode',
    params: [],
    returns: { type: 'string', doc: 'The status code as text, e.g. "200", "400".' },
    doc: 'The HTTP status code of the most recent API integration that was executed.',
  },
  {
    name: 'getEnvVariable',
    params: [NAME],
    returns: { type: 'string | null', doc: 'The value, or null when the environment does not define it.' },
    doc: "Reads a variable of the bot's environment.",
  },
  {
    name: 'getConversationId',
    params: [],
    returns: { type: 'string', doc: 'The conversation id.' },
    doc: 'The id of the current conversation.',
    simulator: 'returns "simulated-conversation".',
  },
  {
    name: 'getLPAccountId',
    params: [],
    returns: { type: 'string', doc: 'The account id.' },
    doc: 'The LivePerson account id the bot runs in.',
    simulator: 'returns "simulated-account".',
  },
  {
    name: 'getLPEngagementAttribute',
    params: [{ name: 'name', type: 'string', doc: 'e.g. "currentSkillId", "previousSkillId".' }],
    returns: { type: 'string | null', doc: 'The attribute value.' },
    doc: 'Reads an attribute of the LivePerson engagement, such as "currentSkillId" or "previousSkillId".',
    simulator: 'returns null: a simulated run has no engagement.',
  },
  {
    name: 'setBotTransferUserMessage',
    params: [{ name: 'message', type: 'string', doc: 'The user message to pass on.' }],
    returns: { type: 'void', doc: '' },
    doc: 'Bot-to-bot transfers with Transfer Bot Context: sets the user message passed to the receiver bot.',
  },
  {
    name: 'setBotTransferIntentId',
    params: [{ name: 'intentId', type: 'string', doc: 'The intent id.' }],
    returns: { type: 'void', doc: '' },
    doc: 'Bot-to-bot transfers with Transfer Bot Context: sets the intent passed to the receiver bot, by id.',
  },
  {
    name: 'setBotTransferIntentbyDomain',
    params: [
      { name: 'intentName', type: 'string', doc: 'The intent name.' },
      { name: 'domainName', type: 'string', doc: 'The domain that holds it.' },
    ],
    returns: { type: 'void', doc: '' },
    doc: 'Bot-to-bot transfers with Transfer Bot Context: sets the intent passed to the receiver bot, by name and domain.',
  },
  {
    name: 'sendMessage',
    params: [{ name: 'text', type: 'string', doc: 'The message.' }],
    returns: { type: 'void', doc: '' },
    doc: 'Sends a text message to the user.',
  },
  {
    name: 'getCurrentUserMessage',
    params: [],
    returns: { type: 'string', doc: 'The message text.' },
    doc: "The user's most recent message.",
    simulator: 'returns the user message given with the sample.',
  },
  {
    name: 'setTriggerNextMessage',
    params: [{ name: 'name', type: 'string', doc: 'The interaction name.' }],
    returns: { type: 'void', doc: '' },
    doc: 'Sets the interaction to go to next.',
  },
  {
    name: 'getFileCaption',
    params: [],
    returns: { type: 'string | null', doc: 'The caption.' },
    doc: 'The caption of the file the user uploaded (File Upload interaction).',
    simulator: 'returns null: no file is uploaded.',
  },
  {
    name: 'getFileType',
    params: [],
    returns: { type: 'string | null', doc: 'The file type, e.g. "PDF".' },
    doc: 'The type of the file the user uploaded (File Upload interaction).',
    simulator: 'returns null: no file is uploaded.',
  },
  {
    name: 'getContextDataForConversation',
    params: [
      { name: 'namespace', type: 'string', doc: 'The Conversation Context Service namespace.' },
      { name: 'key', type: 'string', doc: 'The property.' },
    ],
    returns: { type: 'string | null', doc: 'The value, or null.' },
    doc: 'Reads a conversation-scoped property from the Conversation Context Service.',
    simulator: 'returns what the script set in this run, or null.',
  },
  {
    name: 'setContextDataForConversation',
    params: [
      { name: 'namespace', type: 'string', doc: 'The Conversation Context Service namespace.' },
      { name: 'key', type: 'string', doc: 'The property.' },
      { name: 'value', type: 'string', doc: 'The value.' },
    ],
    returns: { type: 'void', doc: '' },
    doc: 'Writes a conversation-scoped property to the Conversation Context Service.',
  },
];

export const BOT_CONTEXT_FUNCTION_NAMES: readonly string[] = BOT_CONTEXT_FUNCTIONS.map((fn) => fn.name);

function jsDoc(lines: string[], indent: string): string {
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`.trimEnd()), `${indent} */`].join('\n');
}

function declarationOf(fn: BotContextFunction): string {
  const lines = [fn.doc];
  if (fn.simulator) lines.push('', `Simulator: ${fn.simulator}`);
  for (const param of fn.params) lines.push(`@param ${param.name} ${param.doc}`);
  if (fn.returns.type !== 'void') lines.push(`@returns ${fn.returns.doc}`);
  const params = fn.params.map((param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`).join(', ');
  return `${jsDoc(lines, '  ')}\n  ${fn.name}(${params}): ${fn.returns.type};`;
}

/** For `monaco.languages.typescript.javascriptDefaults.addExtraLib(BOT_CONTEXT_DECLARATION, 'ts:botContext.d.ts')`. */
export const BOT_CONTEXT_DECLARATION = `${jsDoc(
  ['The Conversation Builder bot runtime: variables, logging, API results and transfer settings.'],
  '',
)}
declare const botContext: {
${BOT_CONTEXT_FUNCTIONS.map(declarationOf).join('\n')}
};
`;

/** The pattern of reference §2.2, for the integration's own `api_<ResponseDataVariable>`. */
export function exampleTransformScript(responseDataVariable: string): string {
  const variable = `api_${responseDataVariable}`;
  return `// Runs after the integration call, before the Custom Data Fields are read.
// The raw result is in the bot variable ${variable}: an object whose jsonData is
// the JSON text of { "${variable}": <raw result> }.
var response = botContext.getBotVariable('${variable}');
var data = JSON.parse(response.jsonData);
var result = data.${variable};

// The HTTP status is in ${variable}Status ("200", "404", ...).
var status = botContext.getBotVariable('${variable}Status');
botContext.printDebugMessage('${responseDataVariable} answered ' + status);

// Keep a value for later dialogs (values are stored as text).
botContext.setBotVariable('${responseDataVariable}Result', JSON.stringify(result), true, false);

// Custom Data Fields can only iterate ([i]) inside an object: wrap a top-level list
// under a key, then use a path such as {$.${variable}.items[i].name}.
if (Array.isArray(result)) {
  data.${variable} = { items: result };
  response.jsonData = JSON.stringify(data);
  botContext.setBotVariable('${variable}', response, true, false);
}
`;
}
