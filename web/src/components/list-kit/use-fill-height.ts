import { useLayoutEffect, useRef, useState } from 'react';

/** Height that fills the window below the element, so a virtual list scrolls inside it. */
export function useFillHeight<T extends HTMLElement>(minHeight = 320, bottomGap = 16) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(minHeight);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(minHeight, Math.floor(window.innerHeight - top - bottomGap)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [minHeight, bottomGap]);
  return { ref, height };
}
