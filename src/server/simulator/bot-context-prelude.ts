/**
 * The botContext object, as JavaScript source evaluated inside QuickJS before the transform script.
 * It is written in the sandbox's own language so that no host function is ever exposed: the host
 * only reads back the JSON text that the returned `collect` function produces.
 */
import { OUTPUT_CAPS, SIMULATION_LIMITS, type OutputChannel } from '../../domain/simulation-limits';

interface PreludeInput {
  responseDataVariable: string;
  /** The JSON text of `{ "api_<RDV>": <raw result> }`. */
  jsonData: string;
  status: number;
  /** The sample's response headers: set as `headers` on the api_<RDV> variable when given. */
  headers?: Record<string, string>;
  botVariables: Record<string, string>;
  envVariables: Record<string, string>;
  userMessage: string;
  conversationId: string;
  accountId: string;
  /** The bot variables the Custom Data Fields read: the only ones handed back besides those the script set. */
  fieldVariables: string[];
  /** The Number.prototype property the instrumented script hands its errors to (limit-notes.ts). */
  noteName: string;
}

interface PreludeLimits {
  debugLines: number;
  lineChars: number;
  jsonDataChars: number;
  caps: Record<OutputChannel | 'fieldVariable', number>;
}

// ES5 on purpose (the platform's scripts are ES5), and every built-in the script could replace
// (JSON.stringify, String, String.prototype.slice...) is captured first or avoided, so a script that
// tampers with them changes its own behaviour but not what the simulator reports. Lists are
// null-prototype maps with a count, and `collect` writes its JSON text by hand from strings, because
// a script can put setters on Array.prototype or a toJSON on Object.prototype. `collect` cuts every
// channel to its cap (the worker checks again): what crosses out of QuickJS stays small.
const PRELUDE = String.raw`(function (input, limits) {
  'use strict';
  var stringify = JSON.stringify, parse = JSON.parse, toText = String, keysOf = Object.keys, createMap = Object.create;
  var apply = Reflect.apply, sliceText = String.prototype.slice, describe = Object.getOwnPropertyDescriptor;
  var apiName = 'api_' + input.responseDataVariable;

  function cutText(text, length) { return apply(sliceText, text, [0, length]); }
  function newMap(source) {
    var map = createMap(null), keys = keysOf(source);
    for (var i = 0; i < keys.length; i++) map[keys[i]] = source[keys[i]];
    return map;
  }
  function newList() { var list = createMap(null); list.length = 0; return list; }
  function append(list, value) { list[list.length] = value; list.length++; }

  var variables = newMap(input.botVariables);
  variables[apiName] = input.headers ? { jsonData: input.jsonData, headers: copy(input.headers) } : { jsonData: input.jsonData };
  variables[apiName + 'Status'] = toText(input.status);
  var env = newMap(input.envVariables);
  var setOrder = newList(), setSeen = createMap(null);
  var log = newList(), droppedLines = 0, events = newList(), droppedEvents = 0, messages = newList(), droppedMessages = 0;
  var warnings = newList(), seenWarnings = createMap(null);
  var context = createMap(null), contextOrder = newList();
  var transfer = { userMessage: null, intentId: null, intentByDomain: null }, trigger = null;

  function clip(text) {
    return text.length > limits.lineChars ? cutText(text, limits.lineChars) + '... (' + (text.length - limits.lineChars) + ' more characters)' : text;
  }
  function textOrNull(value) { return value === null || value === undefined ? null : toText(value); }
  function warn(message) {
    if (seenWarnings[message] || warnings.length >= 50) return;
    seenWarnings[message] = true;
    append(warnings, clip(message));
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
          warn("setBotVariable('" + clip(name) + "', ...) got an object: it is stored as the text \"" + clip(stored) + '". Use JSON.stringify(value) to keep its content.');
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
      if (detail.length > 32 * 1024) warn('logCustomEvent: the detail of "' + clip(toText(eventName)) + '" is over 32 KB, the platform limit.');
      if (events.length < limits.debugLines) {
        append(events, { userMessage: clip(textOrNull(userMessage) || ''), eventName: clip(textOrNull(eventName) || ''), eventDetail: clip(detail) });
      } else droppedEvents++;
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
    sendMessage: function (text) {
      if (messages.length < limits.debugLines) append(messages, clip(toText(text)));
      else droppedMessages++;
    },
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

  // A limit QuickJS reaches is an ordinary error: the script may catch it, and an async function, a
  // promise executor or job turns it into a rejection nobody may look at. The script is rewritten
  // (limit-notes.ts) so that every catch clause and every function body first hands the error to
  // note, called as (0).<noteName>(error): a property of Number.prototype that no binding or with can
  // shadow and that the script cannot replace. The first limit error noted is the run's error.
  // Error.isError is true only of real error objects, never of a proxy: noting runs no code of the script.
  var isError = Error.isError, protoOf = Object.getPrototypeOf, internalErrorProto = InternalError.prototype;
  var limit = null, unread = false, unreadError = null, unreadFailure = null;
  function limitOf(error) {
    if (!isError(error) || protoOf(error) !== internalErrorProto) return null;
    var message = ownText(error, 'message');
    if (message !== 'out of memory' && message !== 'stack overflow' && message !== 'interrupted') return null;
    return { name: 'InternalError', message: message, stack: ownText(error, 'stack') || '' };
  }
  function note(error) {
    if (limit === null && !unread) {
      // Reading the error allocates: at the limit that may fail, so the error (and why reading it
      // failed, itself a limit) is kept, without allocating, for collect to read with more memory.
      try { limit = limitOf(error); } catch (failure) { unread = true; unreadError = error; unreadFailure = failure; }
    }
    return error;
  }
  Object.defineProperty(Number.prototype, input.noteName, { value: note });

  // Handlers given to then (and so catch and finally) note what they throw too, which covers handlers
  // that are not the script's own functions (String, a bound function...).
  var nativeThen = Promise.prototype.then;
  function watch(handler) {
    if (typeof handler !== 'function') return handler;
    return function (value) {
      try { return apply(handler, this, [value]); }
      catch (error) { throw note(error); }
    };
  }
  Promise.prototype.then = function then(onFulfilled, onRejected) {
    return apply(nativeThen, this, [watch(onFulfilled), watch(onRejected)]);
  };

  globalThis.botContext = new Proxy(api, {
    get: function (target, property) {
      if (typeof property === 'string' && !(property in target)) {
        warn('botContext.' + property + ' does not exist in Conversation Builder: check the name (it is case-sensitive).');
      }
      return target[property];
    }
  });

  /** The JSON text of a value held as an object (api_<RDV>), or null when the script made it unprintable. */
  function objectText(value) {
    var text;
    try { text = stringify(value); } catch (error) { text = undefined; }
    return typeof text === 'string' ? text : null;
  }
  function ownText(object, key) {
    var property = isObject(object) ? describe(object, key) : undefined;
    return property && typeof property.value === 'string' ? property.value : null;
  }

  return function collect() {
    if (limit === null && unread) {
      try { limit = limitOf(unreadError) || limitOf(unreadFailure); } catch (error) { limit = null; }
    }
    var cuts = '';
    function budget(channel) { return { channel: channel, left: limits.caps[channel], cut: false }; }
    function cut(b) { if (!b.cut) { b.cut = true; cuts += (cuts ? ',' : '') + stringify(b.channel); } }
    /** The quoted text, cut to what is left of the channel; null once the channel is full. */
    function fit(b, text) {
      if (text === null) return 'null';
      if (b.left <= 0) { cut(b); return null; }
      if (text.length > b.left) { text = cutText(text, b.left); cut(b); }
      b.left -= text.length;
      return stringify(text);
    }
    function list(channel, count, write) {
      var b = budget(channel), out = '';
      for (var i = 0; i < count; i++) {
        var entry = write(b, i);
        if (entry === null) { cut(b); break; }
        out += (out ? ',' : '') + entry;
        if (b.cut) break;
      }
      return '[' + out + ']';
    }
    function lines(channel, source) {
      return list(channel, source.length, function (b, i) { return fit(b, source[i]); });
    }

    var apiValue = variables[apiName], apiState = 'ok', jsonData = null, jsonDataChars = 0;
    if (apiValue === undefined || apiValue === null) apiState = 'missing';
    else {
      jsonData = ownText(apiValue, 'jsonData');
      if (jsonData === null) apiState = 'no-jsonData';
      else if (jsonData.length > limits.jsonDataChars) { apiState = 'too-large'; jsonDataChars = jsonData.length; jsonData = null; }
    }
    var setVariables = list('botVariables', setOrder.length, function (b, i) {
      var value = variables[setOrder[i]];
      var text = isObject(value) ? objectText(value) : value;
      if (isObject(value) && text === null) warn('The value of ' + clip(setOrder[i]) + ' cannot be shown as JSON (did the script replace toJSON or JSON.stringify?).');
      var key = fit(b, setOrder[i]);
      if (key === null) return null;
      var shown = fit(b, text);
      return shown === null ? null : '{"key":' + key + ',"value":' + shown + '}';
    });
    var fieldVariables = '', fb = budget('fieldVariable');
    for (var f = 0; f < input.fieldVariables.length; f++) {
      var name = input.fieldVariables[f], held = variables[name];
      if (!(name in variables)) continue;
      fb.left = limits.caps.fieldVariable;
      fieldVariables += (fieldVariables ? ',' : '') + stringify(name) + ':' + fit(fb, isObject(held) ? objectText(held) : held);
    }
    var debugLog = lines('debugLog', log);
    var messageList = lines('messages', messages);
    var eventList = list('customEvents', events.length, function (b, i) {
      var event = events[i], user = fit(b, event.userMessage), name = fit(b, event.eventName), detail = fit(b, event.eventDetail);
      return user === null || name === null || detail === null ? null : '{"userMessage":' + user + ',"eventName":' + name + ',"eventDetail":' + detail + '}';
    });
    var contextRows = list('contextData', contextOrder.length, function (b, i) {
      var row = context[contextOrder[i]], namespace = fit(b, row.namespace), key = fit(b, row.key), value = fit(b, row.value);
      return namespace === null || key === null || value === null ? null : '{"namespace":' + namespace + ',"key":' + key + ',"value":' + value + '}';
    });
    var ob = budget('other');
    function other(text) { var shown = fit(ob, text); return shown === null ? '""' : shown; }
    var byDomain = transfer.intentByDomain === null ? 'null'
      : '{"intentName":' + other(transfer.intentByDomain.intentName) + ',"domainName":' + other(transfer.intentByDomain.domainName) + '}';
    var transferText = '{"userMessage":' + other(transfer.userMessage) + ',"intentId":' + other(transfer.intentId) + ',"intentByDomain":' + byDomain + '}';
    var triggerText = other(trigger);
    var warningList = list('other', warnings.length, function (b, i) { return fit(ob, warnings[i]); });

    return '{"apiState":' + stringify(apiState) + ',"jsonData":' + (jsonData === null ? 'null' : stringify(jsonData)) +
      ',"jsonDataChars":' + jsonDataChars + ',"setVariables":' + setVariables + ',"fieldVariables":{' + fieldVariables + '}' +
      ',"debugLog":' + debugLog + ',"dropped":{"debugLog":' + droppedLines + ',"messages":' + droppedMessages + ',"customEvents":' + droppedEvents + '},"messages":' + messageList + ',"customEvents":' + eventList +
      ',"transfer":' + transferText + ',"contextData":' + contextRows + ',"triggerNextMessage":' + triggerText +
      ',"warnings":' + warningList + ',"cuts":[' + cuts + '],"limit":' + (limit === null ? 'null'
        : '{"name":' + stringify(limit.name) + ',"message":' + stringify(limit.message) + ',"stack":' + stringify(clip(limit.stack)) + '}') + '}';
  };
})`;

/** The source the worker evaluates first; it evaluates to the `collect` function. */
export function buildPrelude(input: PreludeInput, limits: PreludeLimits = defaultPreludeLimits()): string {
  return `${PRELUDE}(${JSON.stringify(input)}, ${JSON.stringify(limits)})`;
}

export function defaultPreludeLimits(caps: typeof OUTPUT_CAPS = OUTPUT_CAPS): PreludeLimits {
  return {
    debugLines: SIMULATION_LIMITS.debugLines,
    lineChars: SIMULATION_LIMITS.lineChars,
    jsonDataChars: SIMULATION_LIMITS.jsonDataChars,
    // One more than the fields may show, so that a value cut here is still seen as too long there.
    caps: { ...caps, fieldVariable: caps.customDataFields + 1 },
  };
}
