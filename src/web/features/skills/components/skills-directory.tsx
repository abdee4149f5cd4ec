import { useState } from 'react';
import type { Skill } from '../../../../domain/skill';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { useDeleteSkill } from '../api/delete-skill';
import { useSkills } from '../api/get-skills';
import { AddSkillForm } from './add-skill-form';
import { RenameSkillDialog } from './rename-skill-dialog';

type SkillAction = { kind: 'rename' | 'delete'; skill: Skill } | null;

/** The skill directory: search, add, rename, delete. Read-only when it comes from Conversational Cloud. */
export function SkillsDirectory() {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const query = useSkills(q);
  const [action, setAction] = useState<SkillAction>(null);
  const deletion = useDeleteSkill();
  const editable = query.data?.source === 'local';
  const deleting = action?.kind === 'delete' ? action.skill : null;

  return (
    <>
      {query.data?.source === 'liveengage' ? (
        <p className="note" data-testid="skills-source">
          This directory is read from your Conversational Cloud account (LP_ACCOUNT_ID is set): add, rename and delete skills there.
        </p>
      ) : null}
      {editable ? <AddSkillForm /> : null}
      <div className="skills-search">
        <label htmlFor="skills-search" className="field__label">
          Search skills
        </label>
        <input
          id="skills-search"
          className="input"
          type="search"
          placeholder="Part of a name, or the start of an id"
          autoComplete="off"
          maxLength={200}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <SkillsTable
        query={query}
        q={q}
        editable={editable}
        onRename={(skill) => setAction({ kind: 'rename', skill })}
        onDelete={(skill) => setAction({ kind: 'delete', skill })}
      />
      <RenameSkillDialog skill={action?.kind === 'rename' ? action.skill : null} onClose={() => setAction(null)} />
      <ConfirmDeleteDialog
        item={deleting}
        noun="skill"
        description={
          <p>
            Skill {deleting?.id} leaves the directory. Integrations that transfer to it keep their id, and their forms will warn that the
            directory lacks it.
          </p>
        }
        mutation={deletion}
        onClose={() => setAction(null)}
      />
    </>
  );
}

interface SkillsTableProps {
  query: ReturnType<typeof useSkills>;
  q: string;
  editable: boolean;
  onRename: (skill: Skill) => void;
  onDelete: (skill: Skill) => void;
}

function SkillsTable({ query, q, editable, onRename, onDelete }: SkillsTableProps) {
  if (query.isPending) return <LoadingState label="Loading skills…" shape="list" />;
  if (query.isError)
    return <ErrorState title="Could not load the skill directory" error={query.error} onRetry={() => void query.refetch()} />;
  const skills = query.data.items;
  if (skills.length === 0) {
    return q ? (
      <EmptyState title={`No skill matches “${q}”.`}>
        <p>Search by part of the name or by the start of the id.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No skills in the directory yet.">
        <p>Add the skills of your Conversational Cloud account, so Agent Escalation forms can check their skill ids.</p>
      </EmptyState>
    );
  }
  return (
    <table className="skills-table" aria-label="Skills" aria-busy={query.isFetching}>
      <caption className="visually-hidden">
        {skills.length === 1 ? '1 skill' : `${skills.length} skills`}
        {q ? ` matching “${q}”` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Name</th>
          {editable ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {skills.map((skill) => (
          <tr key={skill.id}>
            <td>
              <code>{skill.id}</code>
            </td>
            <td>{skill.name}</td>
            {editable ? (
              <td className="skills-table__actions">
                <button type="button" className="button button--small" aria-label={`Rename ${skill.name}`} onClick={() => onRename(skill)}>
                  Rename
                </button>
                <button
                  type="button"
                  className="button button--small button--danger-text"
                  aria-label={`Delete ${skill.name}`}
                  onClick={() => onDelete(skill)}
                >
                  Delete
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
