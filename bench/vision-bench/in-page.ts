/**
 * The part of `npm run bench:vision` that runs inside Chromium: the app's
 * own vision worker (our pipeline, timed from the page, transfer and reply
 * included) against MediaPipe called directly on the page's thread (the
 * reference), alternating, on the same decoded images. Passed to
 * `page.evaluate`, so it must stand alone: no imports at run time.
 */

/** What the bench asks for. */
export interface InPageInput {
  workerUrl: string
  bundleUrl: string
  runtimeUrl: string
  images: { name: string; png: string }[]
  delegates: ('CPU' | 'GPU')[]
  runs: number
}

/** Timings of one image, task and delegate, in ms. */
export interface InPageSeries {
  image: string
  task: 'face-detection' | 'segmentation'
  wanted: 'CPU' | 'GPU'
  delegate: string
  pipeline: number[]
  reference: number[]
  /** Main-thread tasks over 50 ms that began during a pipeline run. */
  longTasks: number
}

/** Everything measured in the page. */
export interface InPageOutput {
  cold: { wanted: string; delegate: string; ms: number }[]
  series: InPageSeries[]
}

type Reply = { type: string; run?: { delegate: string } }
type MediaPipe = typeof import('@mediapipe/tasks-vision')

/** Runs the whole in-page measurement. */
export async function runInPage(input: InPageInput): Promise<InPageOutput> {
  const longTasks: number[] = []
  new PerformanceObserver((list) => {
    list.getEntries().forEach((entry) => longTasks.push(entry.startTime))
  }).observe({ type: 'longtask', buffered: false })
  const windows = new Map<InPageSeries, [number, number][]>()

  const images = await Promise.all(
    input.images.map(async (image) => {
      const bytes = Uint8Array.from(atob(image.png), (c) => c.charCodeAt(0))
      return {
        name: image.name,
        bitmap: await createImageBitmap(new Blob([bytes])),
      }
    }),
  )

  function start(): (
    request: object,
    transfer?: Transferable[],
  ) => Promise<Reply> {
    const worker = new Worker(input.workerUrl, { name: 'vision' })
    const waiting = new Map<number, (reply: Reply) => void>()
    let next = 1
    worker.onmessage = (event: MessageEvent<Reply & { id?: number }>) => {
      const id = event.data.id
      if (id !== undefined) {
        waiting.get(id)?.(event.data)
        waiting.delete(id)
      }
    }
    return (request, transfer = []) =>
      new Promise((resolve) => {
        const id = next++
        waiting.set(id, resolve)
        worker.postMessage({ ...request, id }, transfer)
      })
  }

  const first = images[0]
  if (!first) {
    throw new Error('No images')
  }
  const manifest = (await (await fetch('/models/manifest.json')).json()) as {
    models: { id: string; file: string }[]
  }
  const modelBytes = async (id: string) => {
    const entry = manifest.models.find((m) => m.id === id)
    const response = await fetch(`/models/${entry?.file ?? ''}`)
    return new Uint8Array(await response.arrayBuffer())
  }
  const faceModel = await modelBytes('face-detection-short-range')
  const selfieModel = await modelBytes('selfie-segmentation')
  const mp = (await import(/* @vite-ignore */ input.bundleUrl)) as MediaPipe
  const fileset = await mp.FilesetResolver.forVisionTasks(input.runtimeUrl)

  const cold: InPageOutput['cold'] = []
  const series: InPageSeries[] = []
  for (const wanted of input.delegates) {
    // Cold: a new worker, the wasm, the model and the first detection.
    const began = performance.now()
    const send = start()
    await send({ type: 'set-delegate', choice: wanted })
    const firstReply = await send({
      type: 'detect-faces',
      image: await createImageBitmap(first.bitmap),
    })
    cold.push({
      wanted,
      delegate: firstReply.run?.delegate ?? firstReply.type,
      ms: performance.now() - began,
    })
    await send({
      type: 'segment',
      image: await createImageBitmap(first.bitmap),
    })

    const baseOptions = { delegate: wanted }
    const detector = await mp.FaceDetector.createFromOptions(fileset, {
      baseOptions: { ...baseOptions, modelAssetBuffer: faceModel },
      runningMode: 'IMAGE',
    })
    const segmenter = await mp.ImageSegmenter.createFromOptions(fileset, {
      baseOptions: { ...baseOptions, modelAssetBuffer: selfieModel },
      runningMode: 'IMAGE',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
    })
    const bare = {
      'face-detection': (image: ImageBitmap) => detector.detect(image),
      segmentation: (image: ImageBitmap) =>
        segmenter.segment(image, (result) =>
          result.confidenceMasks?.[0]?.getAsFloat32Array(),
        ),
    }

    for (const image of images) {
      for (const task of ['face-detection', 'segmentation'] as const) {
        const one: InPageSeries = {
          image: image.name,
          task,
          wanted,
          delegate: '',
          pipeline: [],
          reference: [],
          longTasks: 0,
        }
        windows.set(one, [])
        // One untimed run of each warms caches and the GPU's shaders.
        for (let i = -1; i < input.runs; i++) {
          const copy = await createImageBitmap(image.bitmap)
          const type = task === 'face-detection' ? 'detect-faces' : 'segment'
          const sent = performance.now()
          const reply = await send({ type, image: copy }, [copy])
          const done = performance.now()
          const refStart = performance.now()
          bare[task](image.bitmap)
          const refMs = performance.now() - refStart
          if (i >= 0) {
            windows.get(one)?.push([sent, done])
            one.pipeline.push(done - sent)
            one.reference.push(refMs)
            one.delegate = reply.run?.delegate ?? reply.type
          }
        }
        series.push(one)
      }
    }
    detector.close()
    segmenter.close()
    await send({ type: 'dispose' })
  }

  // Long task entries arrive after the task; wait for the last ones.
  await new Promise((resolve) => setTimeout(resolve, 200))
  for (const one of series) {
    const spans = windows.get(one) ?? []
    one.longTasks = longTasks.filter((at) =>
      spans.some(([from, to]) => at >= from && at <= to),
    ).length
  }
  return { cold, series }
}
