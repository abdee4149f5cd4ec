/**
 * The panel's label of each integration field, for screens that list fields
 * outside the form (import plans, revision diffs). Same words as the form.
 */
export const INTEGRATION_FIELD_LABELS: Record<string, string> = {
  name: 'Integration Name',
  responseDataVariable: 'Response Data Variable Name',
  type: 'Integration Type',
  method: 'Method',
  url: 'URL',
  credentialId: 'Credential',
  headers: 'Request Headers',
  requestParameters: 'Request Parameters',
  postBody: 'Post Body',
  to: 'To',
  replyTo: 'Reply To',
  subject: 'Subject',
  body: 'Body',
  html: 'Html Email',
  functionId: 'Function',
  payload: 'Function Payload',
  knowledgeBaseId: 'Knowledge Base',
  mode: 'Mode',
  threshold: 'Threshold',
  phrase: 'Phrase',
  multipleResults: 'Multiple Results',
  agentSkillName: 'Agent Skill Name',
  agentSkillId: 'Agent Skill Id',
  agentId: 'Agent Id',
  transferBotContext: 'Transfer Bot Context',
  messageToUser: 'Message to User',
  transformScript: 'Transform Result Script',
  customDataFields: 'Custom Data Fields',
};

/** A field path such as `customDataFields.2.key` in the panel's words: "Custom Data Fields, row 3, key". */
export function labelOfFieldPath(path: string): string {
  if (path === '') return 'The integration';
  const [field = '', ...rest] = path.split('.');
  const label = INTEGRATION_FIELD_LABELS[field] ?? field;
  const parts = rest.map((part) => (/^\d+$/.test(part) ? `row ${Number(part) + 1}` : part));
  return [label, ...parts].join(', ');
}
