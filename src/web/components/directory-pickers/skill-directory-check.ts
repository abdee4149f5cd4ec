import type { DirectorySkill } from '../../../domain/transfer-preview';
import { POSITIVE_ID_PATTERN } from '../../../domain/variable-reference';

interface SkillWarnings {
  agentSkillId?: string;
  agentSkillName?: string;
}

const HAS_REFERENCE = /\{\$(botContext|env)\./;

/**
 * Warnings, not errors: the directory may lag behind Conversational Cloud, so saving stays allowed.
 * Variable references resolve at run time and are not checked; an id that is not a
 * positive number is the schema's error to report, not a directory question.
 */
export function skillWarnings(
  agentSkillId: string,
  agentSkillName: string,
  directory: readonly DirectorySkill[] | undefined,
): SkillWarnings {
  const id = agentSkillId.trim();
  const name = agentSkillName.trim();
  if (!directory || !POSITIVE_ID_PATTERN.test(id)) return {};
  const skill = directory.find((entry) => entry.id === id);
  if (!skill) {
    const byName = name && !HAS_REFERENCE.test(name) ? directory.find((entry) => entry.name === name) : undefined;
    return {
      agentSkillId: `Skill ${id} is not in the skill directory: check the id in Conversational Cloud.${byName ? ` The directory has “${byName.name}” as ${byName.id}.` : ''}`,
    };
  }
  if (name && !HAS_REFERENCE.test(name) && name !== skill.name) {
    return { agentSkillName: `Does not match the directory, which calls skill ${id} “${skill.name}”.` };
  }
  return {};
}

/** Search as the server does: part of the name (ignoring case) or the start of the id. */
export function matchingSkills(directory: readonly DirectorySkill[], text: string): readonly DirectorySkill[] {
  const needle = text.trim().toLowerCase();
  // A value that is exactly one skill (just picked, or loaded) offers every skill, so another can be picked.
  if (!needle || directory.some((skill) => skill.id === text.trim() || skill.name === text.trim())) return directory;
  return directory.filter((skill) => skill.name.toLowerCase().includes(needle) || skill.id.startsWith(needle));
}
