/**
 * What the online session fetched, wrote and checked last (core OnlineCeremony.shown), as the
 * screens received each when it happened: the ceremony view carries it so a reloaded window shows
 * the digest to read aloud and the checked bundle again. The check's view is built here for the
 * check itself too, so both answers have one shape.
 */
import type { CheckedBundleSummary } from '../../core/ceremony/online/types';
import type { OnlineCeremony } from '../../core/ceremony/online/workflow';
import type { CheckedBundleView, OnlineShownView } from '../schemas/online';
import { writtenParametersView } from './written-parameters';
import { warningsShownInTheApp } from '../shown-in-the-app';

/** A checked wrapped-material bundle as the check step shows it. */
export function checkedBundleView(checked: CheckedBundleSummary): CheckedBundleView {
  const { madeBy } = checked;
  return {
    ...checked,
    keys: checked.keys.map((k) => ({ ...k })),
    warnings: warningsShownInTheApp(checked.warnings),
    madeBy: madeBy ? { ...madeBy, witnesses: [...madeBy.witnesses] } : null,
  };
}

export function onlineShownView(ceremony: OnlineCeremony): OnlineShownView {
  const { issued, parameters, checked } = ceremony.shown;
  return {
    issued: issued.map((k) => ({ ...k })),
    parametersBundle: parameters ? writtenParametersView(ceremony, parameters) : null,
    checkedBundle: checked ? { ...checkedBundleView(checked), digestSource: checked.digestSource } : null,
  };
}
