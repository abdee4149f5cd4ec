import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agentTransferInputSchema,
  botRevisionSchema,
  checkListSchema,
  dialogListSchema,
  dialogViewSchema,
  escalationFailureInputSchema,
  failureRuleInputSchema,
  interactionViewSchema,
  referenceChangeSchema,
  renameInputSchema,
  repointInputSchema,
  usageListSchema,
  type InteractionView,
} from '../../domain/dialogs';
import { integrationSchema } from '../../domain/integration';
import { setEtag, writeIfMatch } from '../http/etag';
import { parseListInSlices } from '../parsed-values';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { booleanQuery, botParams, ifMatchHeader, integrationParams, problems } from '../http/route-schemas';
import { decodeDialogCursor, DIALOG_PAGE, encodeDialogCursor } from './dialog-page';
import type { DialogsRepository } from './dialogs-repository';

export const dialogRoutes: FastifyPluginAsyncZod<{ dialogs: DialogsRepository; integrations: IntegrationsRepository }> = async (
  app,
  { dialogs, integrations },
) => {
  app.get(
    '/api/bots/:botId/dialogs',
    {
      schema: {
        tags: ['dialogs'],
        summary: "The bot's dialogs and their interactions, read from its Conversation Builder export (none for a bot made in the panel)",
        params: botParams,
        querystring: z.strictObject({ cursor: z.string().max(64).optional() }),
        response: { 200: dialogListSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const offset = decodeDialogCursor(request.query.cursor);
      const { items, more, version } = await dialogs.dialogs(request.params.botId, offset, DIALOG_PAGE);
      // What an edit of an interaction sends back as If-Match.
      setEtag(reply, version);
      const answer = more ? { items, nextCursor: encodeDialogCursor(offset + DIALOG_PAGE) } : { items };
      // Checked here a slice at a time, so that the serializer does not check 1,000 dialogs in one go.
      return parseListInSlices(dialogListSchema, dialogViewSchema, answer);
    },
  );

  app.get(
    '/api/bots/:botId/integrations/:id/usages',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          'Where the bot uses an integration: interactions that invoke it, code and texts that read its variable or fields, other integrations',
        params: integrationParams,
        response: { 200: usageListSchema, ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await dialogs.usages(request.params.botId, request.params.id) }),
  );

  app.post(
    '/api/bots/:botId/integrations/:id/rename',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          'Rename an integration and rewrite every reference to it in one save (If-Match required); ?dryRun=true answers the changes only',
        params: integrationParams,
        querystring: z.strictObject({ dryRun: booleanQuery('dryRun') }),
        headers: ifMatchHeader,
        body: renameInputSchema,
        response: {
          200: z.object({ integration: integrationSchema, changes: z.array(referenceChangeSchema) }),
          ...problems(400, 404, 409, 412, 413, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const { botId, id } = request.params;
      const { dryRun } = request.query;
      // A dry run only reads: the If-Match it is sent with is checked, but it may be left out.
      const current = async () => (await integrations.get(botId, id)).version;
      const result =
        dryRun && !request.headers['if-match']
          ? await dialogs.rename(botId, id, null, request.body, dryRun)
          : await writeIfMatch(request, current, (expected) => dialogs.rename(botId, id, expected, request.body, dryRun));
      if (!dryRun) setEtag(reply, result.integration.version);
      return result;
    },
  );

  app.get(
    '/api/bots/:botId/checks',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          "Checks of the bot's dialogs against its integrations: escalation failures caught, integrations and custom data fields that exist",
        params: botParams,
        response: { 200: checkListSchema, ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await dialogs.checks(request.params.botId) }),
  );

  app.post(
    '/api/bots/:botId/dialogs/escalation-failure',
    {
      schema: {
        tags: ['dialogs'],
        summary: 'Add a dialog that catches __agent_escalation_failed__: a text with the message, then optionally an Agent Transfer',
        params: botParams,
        body: escalationFailureInputSchema,
        response: { 201: dialogViewSchema, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      const { dialog, version } = await dialogs.addEscalationFailureDialog(botId, request.body);
      // The bot's version went up: its ETag, for a client that edits the bot next.
      setEtag(reply, version);
      return reply.code(201).header('location', `/api/bots/${botId}/dialogs#${dialog.id}`).send(dialog);
    },
  );

  app.post(
    '/api/bots/:botId/dialogs/samples',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          'Give a bot without dialogs sample ones: a greeting, a dialog invoking each of its first 12 integrations, "Talk to an agent" when an Agent Escalation names a numeric skill, and a Fallback (409 when it has dialogs)',
        params: botParams,
        response: { 201: dialogListSchema.pick({ items: true }), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      const { dialogs: items, version } = await dialogs.addSampleDialogs(botId);
      setEtag(reply, version);
      return reply.code(201).header('location', `/api/bots/${botId}/dialogs`).send({ items });
    },
  );

  app.post(
    '/api/bots/:botId/dialogs/failure-rule',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          'Give an interaction that invokes an Agent Escalation integration a "failure" rule leading to a text with the message (409 when it has one)',
        params: botParams,
        body: failureRuleInputSchema,
        response: { 201: z.object({ textInteractionId: z.string() }), ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { version, textId } = await dialogs.addFailureRule(request.params.botId, request.body);
      setEtag(reply, version);
      return reply.code(201).send({ textInteractionId: textId });
    },
  );

  /** A write to one interaction, against the bot's version (its dialogs have no version of their own): answers the interaction. */
  async function writeInteraction(
    request: FastifyRequest,
    reply: FastifyReply,
    botId: string,
    write: (expected: number) => Promise<{ interaction: InteractionView; version: number }>,
  ): Promise<InteractionView> {
    const { interaction, version } = await writeIfMatch(request, () => dialogs.version(botId), write);
    setEtag(reply, version);
    return interaction;
  }

  const interactionParams = botParams.extend({
    dialogId: z.string().min(1).max(100),
    interactionId: z.string().min(1).max(100),
  });

  app.get(
    '/api/bots/:botId/dialogs/:dialogId/interactions/:interactionId',
    {
      schema: {
        tags: ['dialogs'],
        summary: "One interaction of a dialog, with the bot's ETag (what an edit sends as If-Match)",
        params: interactionParams,
        response: { 200: interactionViewSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { botId, dialogId, interactionId } = request.params;
      const { interaction, version } = await dialogs.interaction(botId, dialogId, interactionId);
      setEtag(reply, version);
      return interaction;
    },
  );

  app.patch(
    '/api/bots/:botId/dialogs/:dialogId/interactions/:interactionId',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          "Edit an Agent Transfer interaction (message, skill, agent, Transfer Bot Context, delay) in the bot's CB file, as a revision of its dialogs. If-Match: the bot's ETag (GET …/dialogs answers it)",
        params: interactionParams,
        headers: ifMatchHeader,
        body: agentTransferInputSchema,
        response: { 200: interactionViewSchema, ...problems(400, 404, 409, 412, 413, 415, 428) },
      },
    },
    async (request, reply) => {
      const { botId, dialogId, interactionId } = request.params;
      return writeInteraction(request, reply, botId, (expected) =>
        dialogs.editAgentTransfer(botId, dialogId, interactionId, expected, request.body),
      );
    },
  );

  const dialogParams = botParams.extend({ dialogId: z.string().min(1).max(100) });

  app.delete(
    '/api/bots/:botId/dialogs/:dialogId',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          "Remove a dialog the panel added (409 for one the CB file brought), with its interactions, as a revision of the bot's dialogs; POST …/restore puts it back. If-Match: the bot's ETag",
        params: dialogParams,
        headers: ifMatchHeader,
        response: { 204: z.null().describe('Removed'), ...problems(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { botId, dialogId } = request.params;
      const version = await writeIfMatch(
        request,
        () => dialogs.version(botId),
        (expected) => dialogs.removeDialog(botId, dialogId, expected),
      );
      setEtag(reply, version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/bots/:botId/dialogs/:dialogId/restore',
    {
      schema: {
        tags: ['dialogs'],
        summary: 'Put back a dialog DELETE …/dialogs/:dialogId removed, as it was (same ids): the Undo of the removal',
        params: dialogParams,
        response: { 201: dialogViewSchema, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { botId, dialogId } = request.params;
      const { dialog, version } = await dialogs.restoreDialog(botId, dialogId);
      setEtag(reply, version);
      return reply.code(201).header('location', `/api/bots/${botId}/dialogs#${dialog.id}`).send(dialog);
    },
  );

  app.put(
    '/api/bots/:botId/dialogs/:dialogId/interactions/:interactionId/integration',
    {
      schema: {
        tags: ['dialogs'],
        summary:
          "Make an integration interaction invoke another integration of the bot (the fix of one it invokes that is gone), as a revision of the bot's dialogs. If-Match: the bot's ETag",
        params: interactionParams,
        headers: ifMatchHeader,
        body: repointInputSchema,
        response: { 200: interactionViewSchema, ...problems(400, 404, 409, 412, 413, 415, 428) },
      },
    },
    async (request, reply) => {
      const { botId, dialogId, interactionId } = request.params;
      return writeInteraction(request, reply, botId, (expected) =>
        dialogs.repointInteraction(botId, dialogId, interactionId, expected, request.body),
      );
    },
  );

  app.get(
    '/api/bots/:botId/revisions',
    {
      schema: {
        tags: ['dialogs'],
        summary: "The bot's own history: changes to its dialogs, newest first (integrations keep theirs under /integrations/:id/revisions)",
        params: botParams,
        response: { 200: z.object({ items: z.array(botRevisionSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await dialogs.revisions(request.params.botId) }),
  );
};
