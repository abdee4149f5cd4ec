import { KNOWLEDGE_AI_MODES, KNOWLEDGE_AI_THRESHOLDS } from '../../../../../domain/integration-types';
import { SelectField } from '../../../../components/form/select-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { DirectoryPickerField } from '../directory-pickers/directory-picker-field';
import { KnowledgeAiMethodField } from '../directory-pickers/knowledge-ai-method-field';

const MODE_LABELS: Record<(typeof KNOWLEDGE_AI_MODES)[number], string> = {
  INTENTS: 'Intents',
  INTENTS_ONLY: 'Intents Only',
  TEXT: 'Text',
};
const THRESHOLD_LABELS: Record<(typeof KNOWLEDGE_AI_THRESHOLDS)[number], string> = {
  VERY_GOOD: 'Very Good',
  GOOD: 'Good',
  FAIR_PLUS: 'Fair Plus',
};

export function KnowledgeAiFields({ meta }: { meta: FieldMeta<'KNOWLEDGE_AI'> }) {
  return (
    <>
      <DirectoryPickerField kind="knowledge-bases" {...meta('knowledgeBaseId')} />
      <KnowledgeAiMethodField {...meta('method')} />
      <SelectField {...meta('mode')} options={KNOWLEDGE_AI_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
      <SelectField {...meta('threshold')} options={KNOWLEDGE_AI_THRESHOLDS.map((t) => ({ value: t, label: THRESHOLD_LABELS[t] }))} />
      <TextField {...meta('phrase')} />
      <TextField {...meta('multipleResults')} inputType="number" />
    </>
  );
}
