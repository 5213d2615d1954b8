import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { GroundRuleProblemPicker } from './GroundRuleProblemPicker';

/** The `GroundRuleProblemPicker` field, loaded when a template uses it. */
export const groundRuleProblemPickerField = createFormField({
  name: 'GroundRuleProblemPicker',
  component: GroundRuleProblemPicker,
});
