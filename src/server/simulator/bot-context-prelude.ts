/**
 * The botContext object, as JavaScript source evaluated inside QuickJS before the transform script.
 * It is written in the sandbox's own language so that no host function is ever exposed: the host
 * only reads back the JSON text that the returned `collect` function produces.
 */
import { SIMULATION_LIMITS } from '../../domain/simulation';

export interface PreludeInput {
  responseDataVariable: string;
  /** The JSON text of `{ "api_<RDV>": <raw result> }`. */
  jsonData: string;
  status: number;
  botVariables: Record<string, string>;
  envVariables: Record<string, string>;
  userMessage: string;
  conversationId: string;
  accountId: string;
}

// ES5 on purpose (the platform's scripts are ES5), and every built-in the script could replace
// (JSON.stringify, String, Array.prototype.push...) is captured first or avoided, so a script that
// tampers with them changes its own behaviour but not what the simulator reports.
const PRELUDE = String.raw`(function (input, limits) {
  'use strict';
  var stringify = JSON.stringify, parse = JSON.parse, toText = String, keysOf = Object.keys, createMap = Object.create;
  var apiName = 'api_' + input.responseDataVariable;

  function newMap(source) {
    var map = createMap(null), keys = keysOf(source);
    for (var i = 0; i < keys.length; i++) map[keys[i]] = source[keys[i]];
    return map;
  }
  var variables = newMap(input.botVariables);
  variables[apiName] = { jsonData: input.jsonData };
  variables[apiName + 'Status'] = toText(input.status);
  var env = newMap(input.envVariables);
  var setOrder = [], setSeen = createMap(null);
  var log = [], droppedLines = 0, events = [], messages = [], warnings = [], seenWarnings = createMap(null);
  var context = createMap(null), contextOrder = [];
  var transfer = { userMessage: null, intentId: null, intentByDomain: null }, trigger = null;

  function append(list, value) { list[list.length] = value; }
  function clip(text) {
    return text.length > limits.lineChars ? text.slice(0, limits.lineChars) + '... (' + (text.length - limits.lineChars) + ' more characters)' : text;
  }
  function textOrNull(value) { return value === null || value === undefined ? null : toText(value); }
  function warn(message) {
    if (seenWarnings[message] || warnings.length >= 50) return;
    seenWarnings[message] = true;
    append(warnings, message);
  }
  function isObject(value) { return value !== null && (typeof value === 'object' || typeof value === 'function'); }
  function copy(value) { return parse(stringify(value)); }

  var api = {
    getBotVariable: function (name) {
      name = toText(name);
      if (!(name in variables)) return null;
      var value = variables[name];
      return isObject(value) ? copy(value) : value;
    },
    setBotVariable: function (name, value) {
      name = toText(name);
      var stored;
      if (name === apiName && isObject(value)) stored = copy(value);
      else if (value === null || value === undefined) stored = null;
      else {
        stored = toText(value);
        if (isObject(value)) {
          warn("setBotVariable('" + name + "', ...) got an object: it is stored as the text \"" + clip(stored) + '". Use JSON.stringify(value) to keep its content.');
        }
      }
      variables[name] = stored;
      if (!setSeen[name]) { setSeen[name] = true; append(setOrder, name); }
    },
    printDebugMessage: function (message) {
      if (log.length < limits.debugLines) append(log, clip(toText(message)));
      else droppedLines++;
    },
    logCustomEvent: function (userMessage, eventName, eventDetail) {
      var detail = textOrNull(eventDetail) || '';
      if (detail.length > 32 * 1024) warn('logCustomEvent: the detail of "' + toText(eventName) + '" is over 32 KB, the platform limit.');
      if (events.length < limits.debugLines) {
        append(events, { userMessage: textOrNull(userMessage) || '', eventName: textOrNull(eventName) || '', eventDetail: clip(detail) });
      }
    },
    isApiExecutionSuccessful: function () { return input.status === 200 || input.status === 201; },
    getApiStatusCode: function () { return toText(input.status); },
    getEnvVariable: function (name) {
      name = toText(name);
      return name in env ? env[name] : null;
    },
    getConversationId: function () { return input.conversationId; },
    getLPAccountId: function () { return input.accountId; },
    getLPEngagementAttribute: function () { return null; },
    setBotTransferUserMessage: function (message) { transfer.userMessage = textOrNull(message); },
    setBotTransferIntentId: function (intentId) { transfer.intentId = textOrNull(intentId); },
    setBotTransferIntentbyDomain: function (intentName, domainName) {
      transfer.intentByDomain = { intentName: textOrNull(intentName) || '', domainName: textOrNull(domainName) || '' };
    },
    sendMessage: function (text) { if (messages.length < limits.debugLines) append(messages, clip(toText(text))); },
    getCurrentUserMessage: function () { return input.userMessage; },
    setTriggerNextMessage: function (name) { trigger = textOrNull(name); },
    getFileCaption: function () { return null; },
    getFileType: function () { return null; },
    getContextDataForConversation: function (namespace, key) {
      var id = toText(namespace) + '\u0000' + toText(key);
      return id in context ? context[id].value : null;
    },
    setContextDataForConversation: function (namespace, key, value) {
      var id = toText(namespace) + '\u0000' + toText(key);
      if (!(id in context)) append(contextOrder, id);
      context[id] = { namespace: toText(namespace), key: toText(key), value: textOrNull(value) };
    }
  };

  globalThis.botContext = new Proxy(api, {
    get: function (target, property) {
      if (typeof property === 'string' && !(property in target)) {
        warn('botContext.' + property + ' does not exist in Conversation Builder: check the name (it is case-sensitive).');
      }
      return target[property];
    }
  });

  return function collect() {
    var set = [], all = createMap(null), names = keysOf(variables), contextRows = [];
    for (var i = 0; i < setOrder.length; i++) {
      var value = variables[setOrder[i]];
      append(set, { key: setOrder[i], value: isObject(value) ? stringify(value) : value });
    }
    for (var j = 0; j < names.length; j++) {
      var current = variables[names[j]];
      all[names[j]] = isObject(current) ? stringify(current) : current;
    }
    for (var k = 0; k < contextOrder.length; k++) append(contextRows, context[contextOrder[k]]);
    if (droppedLines > 0) append(log, '... ' + droppedLines + ' more debug messages not shown (limit ' + limits.debugLines + ').');
    return stringify({
      api: variables[apiName] === undefined ? null : variables[apiName],
      setVariables: set,
      allVariables: all,
      debugLog: log,
      customEvents: events,
      messages: messages,
      transfer: transfer,
      contextData: contextRows,
      triggerNextMessage: trigger,
      warnings: warnings
    });
  };
})`;

/** The source the worker evaluates first; it evaluates to the `collect` function. */
export function buildPrelude(input: PreludeInput): string {
  const limits = { debugLines: SIMULATION_LIMITS.debugLines, lineChars: SIMULATION_LIMITS.lineChars };
  return `${PRELUDE}(${JSON.stringify(input)}, ${JSON.stringify(limits)})`;
}
