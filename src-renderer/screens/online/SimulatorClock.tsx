/**
 * Rehearsal only: the built-in simulator's clock, and a control to move it forward so a team can
 * rehearse an expired import token (KMS.2601, then fresh parameters) or lapsed material. Each
 * move is journaled by the main process and printed on the receipt as a rehearsal override.
 */
import { useEffect, useId, useState } from 'react';
import { Activity } from '../../components/Activity';
import { SelectField, TextField } from '../../components/Fields';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

const HOURS_PER_UNIT = { hours: 1, days: 24 } as const;
type Unit = keyof typeof HOURS_PER_UNIT;
const HOUR_MS = 60 * 60 * 1000;

/** Whole hours from what was typed, or null when it is not a whole number of at least 1. */
function hoursOf(amount: string, unit: Unit): number | null {
  const n = Number(amount.trim());
  return /^\d+$/.test(amount.trim()) && n >= 1 ? n * HOURS_PER_UNIT[unit] : null;
}

export function SimulatorClock() {
  // Only a rehearsal connected to the built-in simulator has a clock to move.
  const rehearsal = useAppStore((s) => s.mode === 'rehearsal' && s.connection?.rehearsal === true);
  const clock = useAppStore((s) => s.simulatorClock);
  const lastMove = useAppStore((s) => s.lastClockMove);
  const readClock = useAppStore((s) => s.readSimulatorClock);
  const moveClock = useAppStore((s) => s.moveSimulatorClock);
  const [amount, setAmount] = useState('25');
  const [unit, setUnit] = useState<Unit>('hours');
  const headingId = useId();
  const { t } = useT();
  useEffect(() => {
    if (rehearsal) void readClock();
  }, [rehearsal, readClock]);
  if (!rehearsal) return null;
  const hours = hoursOf(amount, unit);
  return (
    <section className="step rehearsal-clock" aria-labelledby={headingId} data-section="online-clock">
      <h2 id={headingId}>{t('sim-clock.title')}</h2>
      <p>{t('sim-clock.intro')}</p>
      {clock && (
        <p className="clock-now" aria-live="polite">
          {t('sim-clock.now', { now: Date.parse(clock.now), ahead: Math.floor(clock.offsetMs / HOUR_MS) })}
        </p>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (hours !== null) void moveClock({ hours });
        }}
      >
        <TextField
          label={t('sim-clock.amount')}
          type="number"
          min={1}
          value={amount}
          onChange={setAmount}
          hint={t('sim-clock.amount.hint')}
        />
        <SelectField
          label={t('sim-clock.unit')}
          value={unit}
          onChange={setUnit}
          options={[
            { value: 'hours', label: t('sim-clock.unit.hours') },
            { value: 'days', label: t('sim-clock.unit.days') },
          ]}
        />
        <StepButton available={hours !== null} primary={false} submit>
          {t('sim-clock.move')}
        </StepButton>
      </form>
      {lastMove && (
        <p className="notice">{t('sim-clock.moved', { hours: lastMove.hours, now: Date.parse(lastMove.now) })}</p>
      )}
      <Activity section="online-clock" />
    </section>
  );
}
