package web

// Names the package's external tests use.

const MaxAttrLen = maxAttrLen
const MaxReadabilityElems = maxReadabilityElems

var Attr = attr
var FindFirst = findFirst
var HasAttr = hasAttr
var IsElement = isElement
var ReadabilityCopy = readabilityCopy
var TextOf = textOf
var Walk = walk
