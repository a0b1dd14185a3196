/**
 * How faces are hidden (blur or pixelate, strength, padding) and what
 * happens to the background behind the person.
 */
import type { RedactionSettings } from '../../vision/redact'
import type { BackgroundEffect } from '../../vision/photo-effects'

const BACKGROUNDS: [BackgroundEffect, string][] = [
  ['keep', 'Keep'],
  ['blur', 'Blur'],
  ['colour', 'Replace with a colour'],
  ['image', 'Replace with an image'],
  ['cut-out', 'Cut the person out'],
]

/** The redaction and background controls. */
export function RedactionControls(props: {
  settings: RedactionSettings
  onSettings: (settings: RedactionSettings) => void
  background: BackgroundEffect
  onBackground: (background: BackgroundEffect) => void
  colour: string
  onColour: (colour: string) => void
  /** Name of the chosen background picture, if any. */
  backgroundImageName: string | null
  onBackgroundImage: (file: File) => void
}) {
  const { settings, onSettings } = props
  return (
    <div className="redaction-controls">
      <fieldset>
        <legend>Hide faces by</legend>
        {(['blur', 'pixelate'] as const).map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="redaction-style"
              checked={settings.style === style}
              onChange={() => onSettings({ ...settings, style })}
            />{' '}
            {style === 'blur' ? 'Blurring' : 'Pixelating'}
          </label>
        ))}
      </fieldset>
      <label>
        Strength
        <input
          type="range"
          min={1}
          max={100}
          value={settings.strength}
          onChange={(e) =>
            onSettings({ ...settings, strength: Number(e.target.value) })
          }
        />
      </label>
      <label>
        Padding
        <input
          type="range"
          min={0}
          max={100}
          value={Math.round(settings.padding * 100)}
          onChange={(e) =>
            onSettings({ ...settings, padding: Number(e.target.value) / 100 })
          }
        />
      </label>
      <fieldset>
        <legend>Background</legend>
        {BACKGROUNDS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="background"
              checked={props.background === value}
              onChange={() => props.onBackground(value)}
            />{' '}
            {label}
          </label>
        ))}
        {props.background === 'colour' && (
          <label>
            Colour
            <input
              type="color"
              value={props.colour}
              onChange={(e) => props.onColour(e.target.value)}
            />
          </label>
        )}
        {props.background === 'image' && (
          <label>
            Background image
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) {
                  props.onBackgroundImage(file)
                }
              }}
            />
            {props.backgroundImageName ? (
              <span> {props.backgroundImageName}</span>
            ) : (
              <span> Choose a picture to put behind the person.</span>
            )}
          </label>
        )}
      </fieldset>
    </div>
  )
}
