/**
 * What a rule found wrong with one field of an access request. The message
 * reads on after the field's name (`endsAt` + ` must be in the future`), so
 * the backend's answer and the form's hint say the same thing.
 * @public
 */
export type RuleProblem<F extends string = string> = {
  field: F;
  message: string;
};

/** `endsAt must be in the future`: the problem as the backend reports it. @public */
export function describeProblem(problem: RuleProblem): string {
  return `${problem.field} ${problem.message}`;
}

/** `Must be in the future`: the problem as a form shows it under its field. @public */
export function problemHint(problem: RuleProblem): string {
  return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
}
