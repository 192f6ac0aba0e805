// The tray icon (32×32 PNG, a blue ring) as a data URL, so the app needs no image file on disk.
export const trayIconDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA3ElEQVR42s2XwQ3DIAxFc6/EboyAOgoreIXswqmLeAWkloMj0QrEpxDZSP8SYf4TOGAfj+fr0NRsgC+iolTERVnE8o1kzlYAVxTF5A2KJcatAoRJ4xZI+BeAFox/RbMA50bzSycKQDeYd3eidebDhXoDhAg9ADdKOHQAielaAHGHOQgRWwCMmq/OE68vAI8siiYbGONrAFIAoBogzS402m4AItUAPAOAJB4AwDVAVgDIpgDUj0A9CdV/Q/WLSP0qNvEYqT/H6gWJiZLMRFFqoiw30ZiYaM1MNKe36gMF9c+p4u+2ngAAAABJRU5ErkJggg=='
