import { useFormContext, useWatch } from 'react-hook-form';
import { MessageToUserField } from '../../../../components/form/message-to-user-field';
import { SwitchField } from '../../../../components/form/switch-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { SkillComboboxField } from '../../../../components/directory-pickers/skill-combobox-field';
import { skillWarnings } from '../../../../components/directory-pickers/skill-directory-check';
import { useDirectoryList } from '../../../../components/directory-pickers/directories-context';
import { useFormEnvironment } from '../environment/form-environment';
import { resolvedForCheck } from '../../../../../domain/env-references';

export function AgentEscalationFields({ meta }: { meta: FieldMeta<'LIVEPERSON_AGENT_ESCALATION'> }) {
  const { control } = useFormContext();
  const [skillName, skillId] = useWatch({ control, name: ['agentSkillName', 'agentSkillId'] }) as [string | undefined, string | undefined];
  const directory = useDirectoryList('skills');
  // The directory is checked for what the fields say in the form's environment ({$env.SKILL_ID} → 222).
  const variables = useFormEnvironment()?.variables;
  const warnings = skillWarnings(resolvedForCheck(skillId ?? '', variables), resolvedForCheck(skillName ?? '', variables), directory.items);
  const directoryNote = directory.isError ? 'The skill directory could not be loaded, so skills are not checked.' : undefined;
  return (
    <>
      <SkillComboboxField {...meta('agentSkillName')} warning={warnings.agentSkillName} />
      <SkillComboboxField {...meta('agentSkillId')} warning={warnings.agentSkillId} note={directoryNote} />
      <TextField {...meta('agentId')} />
      <SwitchField {...meta('transferBotContext')} />
      <MessageToUserField {...meta('messageToUser')} />
    </>
  );
}
