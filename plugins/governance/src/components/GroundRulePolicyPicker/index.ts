import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { governanceApiRef } from '../../api';
import { GroundRulePolicyPicker } from './GroundRulePolicyPicker';
import { parameterProblems, policyChoicesOf } from './policyChoices';

/** The `GroundRulePolicyPicker` field, loaded when a template uses it. */
export const groundRulePolicyPickerField = createFormField({
  name: 'GroundRulePolicyPicker',
  component: GroundRulePolicyPicker,
  // Blocks "Next" on a parameter value the check would refuse.
  validation: async (value, validation, { apiHolder }) => {
    const api = apiHolder.get(governanceApiRef);
    if (!api) return;
    const problems = parameterProblems(
      policyChoicesOf(value),
      await api.listPolicies(),
    );
    for (const [field, message] of Object.entries(problems)) {
      validation.addError(`${field}: ${message}`);
    }
  },
});
