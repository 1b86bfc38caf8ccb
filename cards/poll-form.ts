// The form for a new poll (type, options, anonymity, when results show, automatic closing).
import { render, type CardJson } from './render.ts';

export function pollFormCard(): CardJson {
  return render('poll-form', {});
}
