import type { KnowledgeBaseEntry } from '../../../domain/directories/knowledge-base';
import { AddKnowledgeBaseForm } from '../../features/directories/components/add-knowledge-base-form';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return (
    <div className="page">
      <title>Knowledge bases · Integrations Panel</title>
      <div className="page__header">
        <h1>Knowledge bases</h1>
        <p className="page__lead">The KnowledgeAI knowledge bases that KnowledgeAI integrations search.</p>
      </div>
      <DirectoryPage<KnowledgeBaseEntry>
        kind="knowledge-bases"
        noun="knowledge base"
        plural="knowledge bases"
        addForm={<AddKnowledgeBaseForm />}
        remoteNote="This directory is read from KnowledgeAI (LP_KNOWLEDGEAI_DOMAIN is set): add, rename and delete knowledge bases there."
        emptyHint="Add the knowledge bases of your account, so KnowledgeAI forms can pick them."
        columns={[
          {
            header: 'Type',
            cell: (kb) => (kb.type === 'internal' ? 'Internal' : 'External'),
          },
          { header: 'Language', cell: (kb) => kb.language },
        ]}
      />
    </div>
  );
}
