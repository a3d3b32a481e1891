import type { Round, RoundStore } from './studyStore.js';

/** Rounds kept at most this long in memory (a round's deadline is at most minutes away). */
const KEEP_MS = 86_400_000;

/**
 * Group rounds in this process's memory: the fallback when there is no store (one process, so nothing to
 * share). Same rules as the stored rounds: one answer per student before the deadline, one winner.
 */
export function createMemoryRoundStore(): RoundStore {
  const rounds = new Map<
    string,
    Round & { answers: Map<string, number>; winnerId: string | null; isClosed: boolean }
  >();
  return {
    async openRound(round) {
      for (const [id, old] of rounds) if (old.startedAt < round.startedAt - KEEP_MS) rounds.delete(id);
      if (!rounds.has(round.roundId)) {
        rounds.set(round.roundId, { ...round, isClosed: false, answers: new Map(), winnerId: null });
      }
    },
    async round(roundId) {
      const round = rounds.get(roundId);
      if (round === undefined) return null;
      const { answers: _answers, winnerId: _winner, ...rest } = round;
      return rest;
    },
    async answerRound(roundId, userId, choice, now) {
      const round = rounds.get(roundId);
      if (round === undefined) return 'unknown round';
      if (round.answers.has(userId)) return 'answered already';
      if (round.isClosed || now >= round.deadline) return 'closed';
      round.answers.set(userId, choice);
      return 'saved';
    },
    async claimWin(roundId, userId) {
      const round = rounds.get(roundId);
      if (round === undefined || round.isClosed || round.winnerId !== null) return false;
      round.winnerId = userId;
      return true;
    },
    async closeRound(roundId, optionCount) {
      const round = rounds.get(roundId);
      if (round === undefined || round.isClosed) return null;
      round.isClosed = true;
      const choices = Array.from({ length: optionCount }, () => 0);
      for (const choice of round.answers.values()) if (choice < optionCount) choices[choice]!++;
      const winnerId = round.winnerId;
      round.winnerId = null;
      return { choices, winnerId };
    },
  };
}
