import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { queueProblem } from './errors.js';

describe('queue problems', () => {
  it('gives appointment problems their own explanation', () => {
    expect(queueProblem(new ApiError('APPOINTMENT_NOT_FOUND', '没有找到今天的这个预约', 404))).toEqual({ kind: 'not-found' });
    expect(queueProblem(new ApiError('ALREADY_CHECKED_IN', '这个预约已经签到过了。', 409))).toEqual({ kind: 'already-checked-in' });
    expect(queueProblem(new ApiError('APPOINTMENT_CANCELLED', '这个预约已被取消。', 409))).toEqual({ kind: 'cancelled' });
  });
  it('shows other service errors in the words the service translated', () => {
    expect(queueProblem(new ApiError('SERVER_UNREACHABLE', '暂时连不上中心服务器，请稍后再试。', 503))).toEqual({
      kind: 'server',
      message: '暂时连不上中心服务器，请稍后再试。',
    });
  });
  it('treats an unreachable terminal service and a call that timed out alike', () => {
    expect(queueProblem(new ApiError('NETWORK', 'fetch failed', null))).toEqual({ kind: 'network' });
    expect(queueProblem(new DOMException('signal timed out', 'TimeoutError'))).toEqual({ kind: 'network' });
  });
  it('never shows a raw technical message', () => {
    expect(queueProblem(new ApiError('BAD_RESPONSE', 'Unexpected response from takeTicket: …', 200))).toEqual({ kind: 'unexpected' });
    expect(queueProblem(new Error('boom'))).toEqual({ kind: 'unexpected' });
  });
});
