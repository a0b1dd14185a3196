/**
 * The part of `npm run bench:vision` that runs inside Chromium: the app's
 * own vision worker (our pipeline, timed from the page, transfer and reply
 * included) against MediaPipe called directly on the page's thread (the
 * reference), alternating, on the same decoded images. Passed to
 * `page.evaluate`, so it must stand alone: no imports at run time.
 *
 * Main-thread long tasks are counted in a pass of the pipeline alone,
 * before the reference exists: the reference runs MediaPipe on the page's
 * thread, where on the GPU delegate each call takes longer than 50 ms, and
 * its work would be counted against the pipeline.
 */

/** What the bench asks for. */
export interface InPageInput {
  workerUrl: string
  /** A worker that closes what it is sent and answers at once. */
  echoWorkerUrl: string
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
  /** Main-thread tasks over 50 ms while the pipeline ran alone. */
  longTasks: number
}

/** Everything measured in the page. */
export interface InPageOutput {
  cold: { wanted: string; delegate: string; ms: number }[]
  /** Round trips to the echo worker carrying a fresh bitmap of each image. */
  transfer: { image: string; ms: number[] }[]
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

  const images = await Promise.all(
    input.images.map(async (image) => {
      const bytes = Uint8Array.from(atob(image.png), (c) => c.charCodeAt(0))
      return {
        name: image.name,
        bitmap: await createImageBitmap(new Blob([bytes])),
      }
    }),
  )

  function start(
    url = input.workerUrl,
  ): (request: object, transfer?: Transferable[]) => Promise<Reply> {
    const worker = new Worker(url, { name: 'vision' })
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

  // The floor of any worker pipeline: handing a bitmap to another thread.
  const echo = start(input.echoWorkerUrl)
  const transfer: InPageOutput['transfer'] = []
  for (const image of images) {
    const ms: number[] = []
    for (let i = 0; i < input.runs; i++) {
      const copy = await createImageBitmap(image.bitmap)
      const sent = performance.now()
      await echo({ image: copy }, [copy])
      ms.push(performance.now() - sent)
    }
    transfer.push({ image: image.name, ms })
  }

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

    const run = async (image: ImageBitmap, task: InPageSeries['task']) => {
      const copy = await createImageBitmap(image)
      const type = task === 'face-detection' ? 'detect-faces' : 'segment'
      const sent = performance.now()
      const reply = await send({ type, image: copy }, [copy])
      return { ms: performance.now() - sent, delegate: reply.run?.delegate }
    }
    const passes: { one: InPageSeries; from: number; to: number }[] = []
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
        // One untimed run warms caches and the GPU's shaders.
        await run(image.bitmap, task)
        const from = performance.now()
        for (let i = 0; i < input.runs; i++) {
          one.delegate = (await run(image.bitmap, task)).delegate ?? 'failed'
        }
        passes.push({ one, from, to: performance.now() })
        series.push(one)
      }
    }
    // Long task entries arrive after the task; wait for the last ones.
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (const { one, from, to } of passes) {
      one.longTasks = longTasks.filter((at) => at >= from && at <= to).length
    }

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

    for (const { one } of passes) {
      const image = images.find((known) => known.name === one.image)?.bitmap
      if (!image) {
        continue
      }
      // One untimed reference run warms its own caches and shaders.
      bare[one.task](image)
      for (let i = 0; i < input.runs; i++) {
        one.pipeline.push((await run(image, one.task)).ms)
        // The same input as the pipeline's: a fresh bitmap of the image.
        const copy = await createImageBitmap(image)
        const refStart = performance.now()
        bare[one.task](copy)
        one.reference.push(performance.now() - refStart)
        copy.close()
      }
    }
    detector.close()
    segmenter.close()
    await send({ type: 'dispose' })
  }

  return { cold, transfer, series }
}
