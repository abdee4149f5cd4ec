import type { ComponentProps } from 'react';
import { deferredPart } from '../../../../components/deferred-part';
import type { ConflictDialog } from './conflict-dialog';
import type { RenameDialog } from './rename-dialog';
import type { DraftOfferBanner } from '../draft/draft-offer';
import type { UsagesSection } from '../usages/usages-section';
import type { TestCasesSection } from '../test-cases/test-cases-section';

/*
 * What the form can be used without: the sections below the fields, the draft offer and the dialogs a
 * save may open. They load once the form is shown (deferredPart), so a form opened by a link fetches
 * only what its fields need; their stand-ins look as the parts do while they load, or show nothing
 * where the part shows nothing at first (a closed dialog, no draft).
 */

const UsagesPart = deferredPart<ComponentProps<typeof UsagesSection>>(
  () => import('../usages/usages-section').then((module) => ({ default: module.UsagesSection })),
  'where it is used',
);

export function DeferredUsagesSection(props: ComponentProps<typeof UsagesSection>) {
  return (
    <UsagesPart
      {...props}
      placeholder={
        <section className="form-section usages" aria-labelledby="usages-title" aria-busy="true">
          <h3 id="usages-title" className="usages__title">
            Where it is used…
          </h3>
        </section>
      }
    />
  );
}

const TransferPreviewPart = deferredPart<object>(
  () => import('../transfer-preview/transfer-preview-section').then((module) => ({ default: module.TransferPreviewSection })),
  'the transfer preview',
);

export function DeferredTransferPreviewSection() {
  return (
    <TransferPreviewPart
      placeholder={
        <details className="form-section" data-testid="transfer-preview-section" aria-busy="true">
          <summary className="form-section__summary">Transfer preview</summary>
        </details>
      }
    />
  );
}

const DraftOfferPart = deferredPart<ComponentProps<typeof DraftOfferBanner>>(
  () => import('../draft/draft-offer').then((module) => ({ default: module.DraftOfferBanner })),
  'the draft offer',
);

export function DeferredDraftOffer(props: ComponentProps<typeof DraftOfferBanner>) {
  return <DraftOfferPart {...props} placeholder={null} />;
}

const RenamePart = deferredPart<ComponentProps<typeof RenameDialog>>(
  () => import('./rename-dialog').then((module) => ({ default: module.RenameDialog })),
  'the rename dialog',
);

export function DeferredRenameDialog(props: ComponentProps<typeof RenameDialog>) {
  return <RenamePart {...props} placeholder={null} />;
}

const ConflictPart = deferredPart<ComponentProps<typeof ConflictDialog>>(
  () => import('./conflict-dialog').then((module) => ({ default: module.ConflictDialog })),
  'the conflict dialog',
);

export function DeferredConflictDialog(props: ComponentProps<typeof ConflictDialog>) {
  return <ConflictPart {...props} placeholder={null} />;
}

const TestCasesPart = deferredPart<ComponentProps<typeof TestCasesSection>>(
  () => import('../test-cases/test-cases-section').then((module) => ({ default: module.TestCasesSection })),
  'the test cases',
);

export function DeferredTestCasesSection(props: ComponentProps<typeof TestCasesSection>) {
  return (
    <TestCasesPart
      {...props}
      placeholder={
        <section className="form-section test-cases" aria-labelledby="test-cases-title" aria-busy="true">
          <h3 id="test-cases-title" className="form-section__title">
            Test cases
          </h3>
        </section>
      }
    />
  );
}
