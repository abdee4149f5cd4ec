import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { INTEGRATION_TYPE_LABELS, INTEGRATION_TYPES, type IntegrationType } from '../../../../../domain/integration-types';
import { SelectField } from '../../../../components/form/select-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';

const TYPE_OPTIONS = INTEGRATION_TYPES.map((type) => ({ value: type, label: INTEGRATION_TYPE_LABELS[type] }));

interface CommonFieldsProps {
  meta: FieldMeta;
  onTypeChange: (type: IntegrationType) => void;
}

export function CommonFields({ meta, onTypeChange }: CommonFieldsProps) {
  const { getValues, setValue, getFieldState } = useFormContext();
  // The variable follows the name as it is typed, until the user edits the variable itself.
  const [variableFollowsName, setVariableFollowsName] = useState(() => {
    const { name, responseDataVariable } = getValues() as { name: string; responseDataVariable?: string };
    return !responseDataVariable || responseDataVariable === name;
  });

  return (
    <>
      <TextField
        {...meta('name')}
        onValueChange={(name) => {
          if (!variableFollowsName) return;
          const { isTouched, invalid } = getFieldState('responseDataVariable');
          setValue('responseDataVariable', name, { shouldDirty: true, shouldValidate: isTouched || invalid });
        }}
      />
      <TextField {...meta('responseDataVariable')} onValueChange={() => setVariableFollowsName(false)} />
      <SelectField {...meta('type')} options={TYPE_OPTIONS} onValueChange={(type) => onTypeChange(type as IntegrationType)} />
    </>
  );
}
