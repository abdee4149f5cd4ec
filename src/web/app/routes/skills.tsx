import { SkillsDirectory } from '../../features/skills/components/skills-directory';

export function Component() {
  return (
    <div className="page page--narrow">
      <title>Skills · Integrations Panel</title>
      <div className="page__header">
        <h1>Skills</h1>
        <p className="page__lead">
          The Conversational Cloud skills that Agent Escalation integrations transfer to. Their forms check skill ids against this list.
        </p>
      </div>
      <SkillsDirectory />
    </div>
  );
}
